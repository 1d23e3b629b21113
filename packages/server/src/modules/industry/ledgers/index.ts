// Ledgers (台账) of the industry module: parks, enterprises, investment increments, headcount reports, workshops,
// workshop workers.
import { enterpriseLedger } from './enterprises';
import { headcountLedger } from './headcounts';
import { investmentLedger } from './investments';
import { parkLedger } from './parks';
import { workerLedger } from './workers';
import { workshopLedger } from './workshops';

export { enterpriseLedger, headcountLedger, investmentLedger, parkLedger, workerLedger, workshopLedger };
export const industryLedgers = [parkLedger, enterpriseLedger, investmentLedger, headcountLedger, workshopLedger, workerLedger];
