// Every fact source a module publishes is wired once the database is migrated: a renamed or dropped
// column fails here, naming the source and the column, instead of quietly leaving a figure at zero.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../testing/app';
import { modules } from '../../index';
import { missingColumns, wiredSources } from './refresh';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('published fact sources', () => {
  it('every module publishes some, and each key is prefixed by its module', () => {
    // derived from the module list, so a new module needs no edit here (several branches add modules at once)
    for (const m of modules) for (const f of m.facts ?? []) expect(f.key.startsWith(`${m.key}.`), f.key).toBe(true);
    const publishing = modules.filter((m) => m.facts?.length).map((m) => m.key);
    expect(publishing).toEqual(
      expect.arrayContaining(['consumption', 'funds', 'indicators', 'industry', 'labour', 'monitoring', 'registry', 'social', 'teams']),
    );
    expect(t.services.facts.length).toBe(modules.reduce((n, m) => n + (m.facts?.length ?? 0), 0));
  });

  it('every source finds the tables and columns it reads (none missing, all wired)', async () => {
    const missing = await missingColumns(t.services.database, t.services.facts);
    const unwired = [...missing].filter(([, cols]) => cols.length > 0).map(([key, cols]) => `${key}: ${cols.join(', ')}`);
    expect(unwired).toEqual([]);
    expect((await wiredSources(t.services.database, t.services.facts)).length).toBe(t.services.facts.length);
  });

  it('every description of the records behind a figure runs, and the sources the assessment samples have one', async () => {
    const failing: string[] = [];
    for (const f of t.services.facts.filter((x) => x.describe)) {
      try {
        await t.services.database.query(`select d.subject, d.label, d.division_code from (${f.describe}) d`, [['a1', 'p:x', 'px', 'h1']]);
      } catch (e) {
        failing.push(`${f.key}: ${(e as Error).message}`);
      }
    }
    expect(failing).toEqual([]);
    const described = new Set(t.services.facts.filter((x) => x.describe).map((x) => x.key));
    for (const key of [
      'funds.allocated',
      'industry.introduced',
      'industry.investments',
      'labour.employed',
      'labour.trainees',
      'consumption.helperSales',
      'social.donationMoney',
      'monitoring.visits',
      'monitoring.households',
      'teams.exchanges',
    ])
      expect(described.has(key), key).toBe(true);
  });

  it('names the source and the column when a column it reads is missing', async () => {
    const [visits] = t.services.facts.filter((f) => f.key === 'monitoring.visits');
    const renamed = { ...visits, requires: { ...visits.requires, monitoring_visits: ['household_id', 'visit_day'] } };
    const missing = await missingColumns(t.services.database, [renamed]);
    expect(missing.get('monitoring.visits')).toEqual(['monitoring_visits.visit_day']);
  });
});
