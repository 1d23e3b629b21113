// Ledgers (台账) of the teams module: dispatched people, team members by round, talent exchanges, teams.
import { cadreLedger } from './cadres';
import { exchangeLedger } from './exchanges';
import { memberLedger } from './members';
import { teamLedger } from './teams';

export { cadreLedger, exchangeLedger, memberLedger, teamLedger };
export const teamsLedgers = [cadreLedger, memberLedger, exchangeLedger, teamLedger];
