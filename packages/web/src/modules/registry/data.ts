// Registry API types (inferred from the shared contracts) and the queries the pages share.
import { useQuery } from '@tanstack/react-query';
import type * as C from '@xiezuo/shared/contracts/registry';
import { registryApi } from '@xiezuo/shared/contracts/registry';
import type { z } from 'zod';
import { call } from '../../app/api';

export { qs } from '../../app/api';

export type DivisionRow = z.infer<typeof C.DivisionRow>;
export type DivisionHit = z.infer<typeof C.DivisionSearchHit>;
export type UnitRow = z.infer<typeof C.UnitRow>;
export type ProgrammeRow = z.infer<typeof C.ProgrammeRow>;
export type PairingRow = z.infer<typeof C.PairingRow>;
export type PartnerRow = z.infer<typeof C.PartnerRow>;
export type PairingCount = z.infer<typeof C.PairingCount>;
export type Flow = z.infer<typeof C.Flow>;
export function useProgrammes() {
  return useQuery({ queryKey: ['registry', 'programmes'], queryFn: () => call(registryApi.programmes), staleTime: 60_000 });
}
