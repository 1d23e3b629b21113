// Ledgers (台账) of the funds module: allocations, projects, money flows, beneficiaries.
import { allocationLedger } from './allocations';
import { beneficiaryLedger } from './beneficiaries';
import { flowLedger } from './flows';
import { projectLedger } from './projects';

export { allocationLedger, beneficiaryLedger, flowLedger, projectLedger };
export const fundsLedgers = [allocationLedger, projectLedger, flowLedger, beneficiaryLedger];
