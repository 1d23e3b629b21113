// Ledgers (台账) of 消费帮扶: suppliers, certified products, sales (832 order exports read as they come), matching fairs.
import { fairLedger } from './fairs';
import { productLedger } from './products';
import { saleLedger } from './sales';
import { supplierLedger } from './suppliers';

export { fairLedger, productLedger, saleLedger, supplierLedger };
export const consumptionLedgers = [supplierLedger, productLedger, saleLedger, fairLedger];
