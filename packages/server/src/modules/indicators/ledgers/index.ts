// Ledgers (台账) of the indicators module: 指标填报台账 (figures no module holds yet, e.g. order-class
// graduates) and 目标任务台账 (targets per unit, indicator and period), imported from and exported to Excel.
import { reportedLedger } from './reported';
import { targetsLedger } from './targets';

export { reportedLedger, targetsLedger };
export const indicatorLedgers = [reportedLedger, targetsLedger];
