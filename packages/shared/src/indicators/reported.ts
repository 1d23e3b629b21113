// Indicators entered or imported as plain figures (指标填报, source indicators.reported): none at present.
// The order-class figures that were typed here are counted by the labour module from its class rosters
// (indicators/labour.ts); a figure no module holds yet is declared here until one does.
import { defineIndicators } from './types';

export const reportedIndicators = defineIndicators([]);
