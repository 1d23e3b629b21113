// Ledgers (台账) of the social module: donations, social funds, meetings, high-level visits, publicity.
import { donationLedger } from './donations';
import { fundLedger } from './funds';
import { meetingLedger } from './meetings';
import { publicityLedger } from './publicity';
import { visitLedger } from './visits';

export { donationLedger, fundLedger, meetingLedger, publicityLedger, visitLedger };
export const socialLedgers = [donationLedger, fundLedger, meetingLedger, visitLedger, publicityLedger];
