// Ledgers (台账) of 消费帮扶: suppliers, certified products, sales (832 order exports read as they come).
import { productLedger } from './products';
import { saleLedger } from './sales';
import { supplierLedger } from './suppliers';

export { productLedger, saleLedger, supplierLedger };
export const consumptionLedgers = [supplierLedger, productLedger, saleLedger];
