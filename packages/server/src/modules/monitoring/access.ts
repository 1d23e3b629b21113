// Who may reach a household: the one place monitoring turns a user's scope into a query filter, a
// write check, and the level (village / town / county) that decides which review steps they may take.
import { and, eq, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client';
import { AppError } from '../../platform/http/errors';
import { assertInScope, type Scope, scopeWhere } from '../../platform/scope';
import { monitoringHouseholds } from './tables';
import type { Level } from './workflow';

export type Household = typeof monitoringHouseholds.$inferSelect;

/** Module settings, from the environment (defaults: 20 working days per procedure, a visit every 30 days). */
export function settings(env: NodeJS.ProcessEnv = process.env) {
  const int = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) ? Number(v) : d);
  return {
    deadlineWorkDays: int(env.MONITORING_DEADLINE_WORKDAYS, 20),
    visitIntervalDays: int(env.MONITORING_VISIT_INTERVAL_DAYS, 30),
  };
}

export function householdsInScope(scope: Scope): SQL | undefined {
  return scopeWhere(scope, { division: monitoringHouseholds.divisionCode });
}

/** The household, if it exists and lies in the user's scope (else NOT_FOUND / OUT_OF_SCOPE). */
export async function loadHousehold(db: Db | Tx, scope: Scope, id: number, forUpdate = false): Promise<Household> {
  const q = db
    .select()
    .from(monitoringHouseholds)
    .where(and(eq(monitoringHouseholds.id, id)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND');
  assertInScope(scope, { divisionCode: row.divisionCode });
  return row;
}

/** How far the user's scope reaches over a village: the widest granted division containing it. */
export function levelOver(scope: Scope, villageCode: string): Level | null {
  if (scope.all) return 'county';
  const fits = scope.divisionPrefixes.filter((p) => villageCode.startsWith(p)).map((p) => p.length);
  if (fits.length === 0) return null;
  const widest = Math.min(...fits);
  return widest <= 6 ? 'county' : widest <= 9 ? 'town' : 'village';
}
