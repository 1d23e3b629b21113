// Ledgers (台账) of the monitoring module: the one-sheet roster (households and members together), households, members, visits and measures.
import { householdLedger } from './households';
import { measureLedger } from './measures';
import { memberLedger } from './members';
import { rosterLedger } from './roster';
import { visitLedger } from './visits';

export { householdLedger, measureLedger, memberLedger, rosterLedger, visitLedger };
export const monitoringLedgers = [rosterLedger, householdLedger, memberLedger, visitLedger, measureLedger];
