// Ledgers (台账) of the social module: donations, social funds, meetings, high-level visits, publicity.
import { decisionLedger } from './decisions';
import { donationLedger } from './donations';
import { fundLedger } from './funds';
import { meetingLedger } from './meetings';
import { publicityLedger } from './publicity';
import { visitLedger } from './visits';

export { decisionLedger, donationLedger, fundLedger, meetingLedger, publicityLedger, visitLedger };
export const socialLedgers = [donationLedger, fundLedger, meetingLedger, decisionLedger, visitLedger, publicityLedger];
