// Ledgers (台账) of the registry: units, pairings and programmes, imported and exported through the
// shared ledger machinery. Writes go through the same services as the API (validation, scope, audit).
import { pairingLedger } from './pairings';
import { programmeLedger } from './programmes';
import { unitLedger } from './units';

export { pairingLedger, programmeLedger, unitLedger };
export const registryLedgers = [unitLedger, pairingLedger, programmeLedger];
