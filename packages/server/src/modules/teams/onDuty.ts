// 在岗情况: who is on duty on a day (dispatch period covers it), counted per team and per station.
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import type { Ctx } from '../../platform/context';
import { allCadres, toCadreRow } from './cadres';

interface Count {
  total: number;
  byKind: Record<string, number>;
}

function tallyBy<R extends { kind: string }, K>(rows: R[], keyOf: (r: R) => K): Map<K, Count> {
  const out = new Map<K, Count>();
  for (const r of rows) {
    const key = keyOf(r);
    const c = out.get(key) ?? { total: 0, byKind: {} };
    c.total += 1;
    c.byKind[r.kind] = (c.byKind[r.kind] ?? 0) + 1;
    out.set(key, c);
  }
  return out;
}

export async function onDuty(ctx: Ctx, q: { on?: string; teamId?: number; divisionCode?: string }) {
  const on = q.on ?? todayInBeijing();
  const rows = await allCadres(ctx, { teamId: q.teamId, divisionCode: q.divisionCode, onDuty: 'true', on });
  const people = rows.map((r) => toCadreRow(r, ctx.services.cipher));
  const teamNames = new Map(people.map((p) => [p.teamId, p.teamName]));
  const divisionNames = new Map(people.map((p) => [p.divisionCode, p.divisionName]));
  const byTeam = [...tallyBy(people, (p) => p.teamId)].map(([teamId, c]) => ({ teamId, teamName: teamNames.get(teamId) ?? null, ...c }));
  const byDivision = [...tallyBy(people, (p) => p.divisionCode)].map(([divisionCode, c]) => ({
    divisionCode,
    divisionName: divisionNames.get(divisionCode) ?? null,
    ...c,
  }));
  return { on, total: people.length, byTeam, byDivision, people };
}
