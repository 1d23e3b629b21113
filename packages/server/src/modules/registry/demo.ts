// First start: the divisions extract (reference data) and the demo registry from the seed reports,
// written through the same services as the API (audited, validated), plus an HQ demo user.
import { creditCodeCheckChar } from '@xiezuo/shared/codes/creditCode';
import type { NewUser } from '../../platform/auth/service';
import type { Services } from '../../platform/context';
import { systemCtx } from '../../platform/ctx';
import type { ModuleSeed } from '../../platform/seed';
import { type DemoParty, PAIRINGS, PROGRAMMES, UNITS } from './demoData';
import { loadDivisions } from './divisionLoader';
import { createPairing } from './pairings';
import { createProgramme } from './programmes';
import { createUnit } from './units';

/** Reference data, loaded at every start until present (with or without demo data). */
export const divisionsSeed: ModuleSeed = {
  name: 'registry.divisions',
  async run(services: Services) {
    const [{ n }] = await services.database.query<{ n: number }>('select count(*)::int as n from divisions');
    if (n === 0) await loadDivisions(services.database);
    return undefined;
  },
};

export const registrySeed: ModuleSeed = {
  name: 'registry',
  async run(services: Services): Promise<NewUser[]> {
    const ctx = systemCtx(services, 'system（演示数据）');
    const programmeIds = new Map<string, number>();
    for (const p of PROGRAMMES) programmeIds.set(p.code, await createProgramme(ctx, p));
    const unitIds = new Map<string, number>();
    for (const [name, kind, divisionCode, code17] of UNITS) {
      const creditCode = code17 ? code17 + creditCodeCheckChar(code17) : null;
      const note = code17 ? '演示：统一社会信用代码为虚构（校验位有效）' : null;
      unitIds.set(name, (await createUnit(ctx, { name, kind, divisionCode, creditCode, note })).id);
    }
    const side = (p: DemoParty) => ('unit' in p ? { unitId: unitIds.get(p.unit) } : { divisionCode: p.division });
    for (const p of PAIRINGS) {
      const helper = side(p.helper);
      const helped = side(p.helped);
      await createPairing(ctx, {
        type: p.type,
        programmeId: programmeIds.get(p.programme),
        helperDivisionCode: helper.divisionCode,
        helperUnitId: helper.unitId,
        helpedDivisionCode: helped.divisionCode,
        helpedUnitId: helped.unitId,
        startDate: p.start,
        endDate: p.end,
        note: p.note,
      });
    }
    return [
      { username: 'hq', displayName: '省协作指挥部（演示）', role: 'hq', scopeAll: true, scopeDivisions: [], scopeTeams: [] },
      {
        username: 'viewer_meixian',
        displayName: '梅县区只读用户（演示）',
        role: 'viewer',
        scopeAll: false,
        scopeDivisions: ['441403000000'],
        scopeTeams: [],
      },
    ];
  },
};
