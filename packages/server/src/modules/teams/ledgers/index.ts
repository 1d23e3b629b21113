// Ledgers (台账) of the teams module: dispatched people, team members by round, talent exchanges and their named persons, teams.
import { cadreLedger } from './cadres';
import { exchangePersonLedger } from './exchangePersons';
import { exchangeLedger } from './exchanges';
import { memberLedger } from './members';
import { teamLedger } from './teams';

export { cadreLedger, exchangeLedger, exchangePersonLedger, memberLedger, teamLedger };
export const teamsLedgers = [cadreLedger, memberLedger, exchangeLedger, exchangePersonLedger, teamLedger];
