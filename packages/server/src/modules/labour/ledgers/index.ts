// Ledgers (台账) of the labour module: the 脱贫人口名册, employment records, order-class students, training trainees, labour stations.
import { classMemberLedger } from './classMembers';
import { employmentLedger } from './employments';
import { rosterLedger } from './roster';
import { stationLedger } from './stations';
import { traineeLedger } from './trainees';

export { classMemberLedger, employmentLedger, rosterLedger, stationLedger, traineeLedger };
export const labourLedgers = [rosterLedger, employmentLedger, classMemberLedger, traineeLedger, stationLedger];
