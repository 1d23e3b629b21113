// Ledgers (台账) of the funds module: allocations, projects, money flows.
import { allocationLedger } from './allocations';
import { flowLedger } from './flows';
import { projectLedger } from './projects';

export { allocationLedger, flowLedger, projectLedger };
export const fundsLedgers = [allocationLedger, projectLedger, flowLedger];
