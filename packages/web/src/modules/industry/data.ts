// The industry pages' row types, from the shared contracts.
import type * as C from '@xiezuo/shared/contracts/industry';
import type { z } from 'zod';

export type EnterpriseRow = z.infer<typeof C.EnterpriseRow>;
export type ParkRow = z.infer<typeof C.ParkRow>;
export type WorkshopRow = z.infer<typeof C.WorkshopRow>;
export type WorkerRow = z.infer<typeof C.WorkerRow>;
