// 消费帮扶 API types (inferred from the shared contracts).
import type * as C from '@xiezuo/shared/contracts/consumption';
import type { z } from 'zod';

export type SaleRow = z.infer<typeof C.SaleRow>;
export type ProductRow = z.infer<typeof C.ProductRow>;
export type SupplierRow = z.infer<typeof C.SupplierRow>;
export type FairRow = z.infer<typeof C.FairRow>;
