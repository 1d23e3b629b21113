// Test builders: the registry records a test needs, made through the module's services (validated,
// audited, as the API makes them) instead of relying on the demo data. Each takes the test app's services.
import type { PairingBody, ProgrammeBody, UnitBody } from '@xiezuo/shared/contracts/registry';
import type { z } from 'zod';
import type { Services } from '../../../platform/context';
import { systemCtx } from '../../../platform/ctx';
import { loadDivisions } from '../divisionLoader';
import { createPairing } from '../pairings';
import { createProgramme } from '../programmes';
import { createUnit } from '../units';

const ctxOf = (services: Services) => systemCtx(services, 'test');
let serial = 0;

/** The division subtrees under these roots (and their ancestors), from the committed extract. */
export function divisionSubtrees(services: Services, ...roots: string[]) {
  return loadDivisions(services.database, { subtrees: roots });
}

/** A unit in the given division (a school with a generated name unless told otherwise). */
export function aUnit(services: Services, fields: Partial<z.infer<typeof UnitBody>> & { divisionCode: string }) {
  return createUnit(ctxOf(services), { name: `测试单位${++serial}（测试）`, kind: 'school', ...fields });
}

/** A programme (2021–2025 unless told otherwise); its id. */
export function aProgramme(services: Services, fields: Partial<z.infer<typeof ProgrammeBody>> = {}) {
  const n = ++serial;
  return createProgramme(ctxOf(services), {
    code: `test-${n}`,
    name: `测试项目${n}`,
    kind: 'other',
    startDate: '2021-01-01',
    endDate: '2025-12-31',
    phases: [],
    ...fields,
  });
}

/** A pairing between two parties (divisions or units), from 2021-01-01 unless told otherwise. */
export function aPairing(services: Services, fields: Partial<z.infer<typeof PairingBody>>) {
  return createPairing(ctxOf(services), { type: 'county_county', startDate: '2021-01-01', ...fields });
}
