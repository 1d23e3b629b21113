// Ledgers (台账) of the industry module: enterprises, investment increments, workshops, workshop workers.
import { enterpriseLedger } from './enterprises';
import { investmentLedger } from './investments';
import { workerLedger } from './workers';
import { workshopLedger } from './workshops';

export { enterpriseLedger, investmentLedger, workerLedger, workshopLedger };
export const industryLedgers = [enterpriseLedger, investmentLedger, workshopLedger, workerLedger];
