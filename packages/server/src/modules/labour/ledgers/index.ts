// Ledgers (台账) of the labour module: the 脱贫人口名册, employment records, order-class students.
import { classMemberLedger } from './classMembers';
import { employmentLedger } from './employments';
import { rosterLedger } from './roster';

export { classMemberLedger, employmentLedger, rosterLedger };
export const labourLedgers = [rosterLedger, employmentLedger, classMemberLedger];
