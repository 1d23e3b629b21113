// Ledgers (台账) of the monitoring module: households, members, visits and measures.
import { householdLedger } from './households';
import { measureLedger } from './measures';
import { memberLedger } from './members';
import { visitLedger } from './visits';

export { householdLedger, measureLedger, memberLedger, visitLedger };
export const monitoringLedgers = [householdLedger, memberLedger, visitLedger, measureLedger];
