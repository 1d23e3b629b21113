// What the registry ledgers check against the database, for a whole batch in one query: which division
// codes exist, units by name (within their division), programmes by name, units by credit code, the
// stored pairings of the batch's helper divisions.
import { inArray, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../platform/db/client';
import { divisions, pairings, programmes, units } from '../tables';

export interface Wanted {
  divisionCodes?: (string | null)[];
  unitNames?: (string | null)[];
  programmeNames?: (string | null)[];
  creditCodes?: (string | null)[];
  /** Helper division codes: their stored pairings (in any scope, as the commit's overlap check reads them). */
  pairingsOfHelpers?: (string | null)[];
}

export type StoredPairing = {
  id: number;
  type: string;
  helperDivisionCode: string;
  helperUnitId: number | null;
  helperUnit: string | null;
  helpedDivisionCode: string;
  helpedUnitId: number | null;
  helpedUnit: string | null;
  startDate: string;
  endDate: string | null;
};

export interface Found {
  divisions: Set<string>;
  /** `${divisionCode}|${name}` → id */
  units: Map<string, number>;
  /** name → id */
  programmes: Map<string, number>;
  /** credit code → the unit holding it */
  credits: Map<string, { name: string; divisionCode: string }>;
  pairings: StoredPairing[];
}

export const unitKey = (divisionCode: string, name: string) => `${divisionCode}|${name}`;

const distinct = (values?: (string | null)[]) => [...new Set((values ?? []).filter((v): v is string => !!v))];

type Hit = {
  kind: 'division' | 'unit' | 'programme' | 'credit' | 'pairing';
  key: string | null;
  name: string | null;
  code: string | null;
  id: number | null;
};

export async function lookUp(db: Db | Tx, wanted: Wanted): Promise<Found> {
  const found: Found = { divisions: new Set(), units: new Map(), programmes: new Map(), credits: new Map(), pairings: [] };
  const [codes, unitNames, programmeNames, creditCodes, helpers] = [
    wanted.divisionCodes,
    wanted.unitNames,
    wanted.programmeNames,
    wanted.creditCodes,
    wanted.pairingsOfHelpers,
  ].map(distinct);
  const parts: SQL[] = [];
  // every branch names and types its columns: any of them may come first
  const hit = (kind: Hit['kind'], key: SQL, name: SQL, code: SQL, id: SQL) =>
    sql`select ${kind}::text as kind, ${key}::text as key, ${name}::text as name, ${code}::text as code, ${id}::int as id`;
  const none = sql`null`;
  if (codes.length)
    parts.push(sql`${hit('division', none, none, sql`${divisions.code}`, none)} from ${divisions} where ${inArray(divisions.code, codes)}`);
  if (unitNames.length) {
    parts.push(
      sql`${hit('unit', none, sql`${units.name}`, sql`${units.divisionCode}`, sql`${units.id}`)} from ${units} where ${inArray(units.name, unitNames)}`,
    );
  }
  if (programmeNames.length) {
    parts.push(
      sql`${hit('programme', none, sql`${programmes.name}`, none, sql`${programmes.id}`)} from ${programmes} where ${inArray(programmes.name, programmeNames)}`,
    );
  }
  if (creditCodes.length) {
    parts.push(
      sql`${hit('credit', sql`${units.creditCode}`, sql`${units.name}`, sql`${units.divisionCode}`, none)} from ${units} where ${inArray(units.creditCode, creditCodes)}`,
    );
  }
  if (helpers.length) {
    const p = sql`json_build_array(p.type, p.helper_division_code, p.helper_unit_id, hu.name, p.helped_division_code, p.helped_unit_id, pu.name, p.start_date, p.end_date)`;
    parts.push(sql`${hit('pairing', p, none, none, sql`p.id`)} from ${pairings} p
      left join ${units} hu on hu.id = p.helper_unit_id left join ${units} pu on pu.id = p.helped_unit_id
      where p.helper_division_code in ${helpers}`);
  }
  if (parts.length === 0) return found;
  const { rows } = await db.execute(sql.join(parts, sql` union all `));
  for (const r of rows as Hit[]) {
    if (r.kind === 'division') found.divisions.add(r.code as string);
    else if (r.kind === 'unit') found.units.set(unitKey(r.code as string, r.name as string), Number(r.id));
    else if (r.kind === 'programme') found.programmes.set(r.name as string, Number(r.id));
    else if (r.kind === 'credit') found.credits.set(r.key as string, { name: r.name as string, divisionCode: r.code as string });
    else {
      const [type, helperDivisionCode, helperUnitId, helperUnit, helpedDivisionCode, helpedUnitId, helpedUnit, startDate, endDate] =
        JSON.parse(r.key as string);
      found.pairings.push({
        id: Number(r.id),
        type,
        helperDivisionCode,
        helperUnitId,
        helperUnit,
        helpedDivisionCode,
        helpedUnitId,
        helpedUnit,
        startDate,
        endDate,
      });
    }
  }
  return found;
}
