// 脱贫人口名册: one row per person, the village by name as clerks write it. A county's roster is tens of thousands
// of people: committed set-based from the staging table (as saveRosterPerson writes a person: the ID number
// sealed, scoped, audited), not a person at a time. ID numbers are masked in exports unless the user may reveal
// them and asks.
import { LABOUR_LEDGERS } from '@xiezuo/shared/contracts/labour';
import { inArray, sql } from 'drizzle-orm';
import { divisionByName, idNumber } from '../../../platform/ledgers/columns';
import { type StagedTableSpec, sealedIdColumns, textColumn } from '../../../platform/ledgers/stagedSpec';
import { defineLedger, type LedgerContext, naturalKeyOf } from '../../../platform/ledgers/types';
import { inScope, scopeWhere } from '../../../platform/scope';
import { sealIdNumber } from '../people';
import { allRoster } from '../roster';
import { labourRoster } from '../tables';

type RosterLedgerRow = {
  name: string;
  idNumber: string;
  divisionCode: string;
  householdHead: string | null;
  liftedYear: number;
  note: string | null;
};

const toRow = (r: typeof labourRoster.$inferSelect, idNumber: string): RosterLedgerRow => ({
  name: r.name,
  idNumber,
  divisionCode: r.divisionCode,
  householdHead: r.householdHead,
  liftedYear: r.liftedYear,
  note: r.note,
});

export const rosterLedger = defineLedger<RosterLedgerRow>({
  key: LABOUR_LEDGERS.roster,
  title: '脱贫人口名册',
  titleEn: 'Roster of people lifted out of poverty',
  entity: 'labour_roster',
  permissions: { import: 'labour.write', export: 'ledgers.export' },
  naturalKey: ['idNumber'],
  columns: [
    { key: 'name', header: '姓名', headerEn: 'Name', type: 'text', required: true, example: '赵小梅（演示）' },
    idNumber({ example: '451123199001010027' }),
    divisionByName({ level: 'village', header: '所在村', headerEn: 'Village', required: true, example: '451123104201' }),
    { key: 'householdHead', header: '户主姓名', headerEn: 'Household head', synonyms: ['户主'], type: 'text' },
    {
      key: 'liftedYear',
      header: '脱贫年度',
      headerEn: 'Year lifted',
      synonyms: ['脱贫年份', '脱贫时间'],
      type: 'integer',
      required: true,
      example: 2019,
    },
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  validate(row, ctx) {
    if (row.liftedYear < 2013 || row.liftedYear > 2030) return [{ path: 'liftedYear', key: 'validation.invalidValue' }];
    if (!inScope(ctx.user.scope, { divisionCode: row.divisionCode })) return [{ path: 'divisionCode', key: 'errors.OUT_OF_SCOPE' }];
    return [];
  },
  async findExisting(tx, rows, ctx) {
    const hashes = rows.map((r) => ctx.services.cipher.hash(r.idNumber));
    const found = hashes.length ? await tx.select().from(labourRoster).where(inArray(labourRoster.idHash, hashes)) : [];
    const out = new Map<string, RosterLedgerRow>();
    for (const r of found) {
      const row = toRow(r, ctx.services.cipher.decrypt(r.idCipher));
      out.set(naturalKeyOf(rosterLedger, row), row);
    }
    return out;
  },
  // a person on the roster of another county is theirs to correct: named by county only (issue #21)
  async validateBatch(rows, ctx) {
    const elsewhere = await rosterOutsideScope(ctx, [...new Set(rows.map((r) => ctx.services.cipher.hash(r.idNumber)))]);
    return rows.map((r) => {
      const county = elsewhere.get(ctx.services.cipher.hash(r.idNumber));
      return county ? [{ path: 'idNumber', key: 'labour.validation.onRosterElsewhere', params: { county } }] : [];
    });
  },
  uniqueNaturalKey: true, // labour_roster_hash_uq
  tables: ['labour_roster'],
  sealRow: (row, _before, ctx) => {
    const { idNumber: id, ...plain } = row;
    return { ...plain, ...sealIdNumber(ctx.services.cipher, id) };
  },
  staged: stagedRoster,
  async exportRows(ctx, filters) {
    const rows = await allRoster(ctx, { divisionCode: filters.divisionCode, q: filters.q });
    return rows.map((r) => toRow(r, ctx.services.cipher.decrypt(r.idCipher)));
  },
});

/** labour_roster, matched by ID hash among the people in the user's scope (as saveRosterPerson may write them). */
function stagedRoster(ctx: LedgerContext): StagedTableSpec {
  const text = textColumn;
  return {
    table: 'labour_roster',
    entity: 'labour_roster',
    naturalKey: ['idHash'],
    uniqueNaturalKey: true,
    match: scopeWhere(ctx.user.scope, { division: sql.raw('t.division_code') }) ?? sql`true`,
    auditKey: [{ key: 'idMasked' }],
    entityIdColumn: 'id',
    touch: 'updated_at',
    columns: [
      ...sealedIdColumns,
      text('name', 'name'),
      text('divisionCode', 'division_code'),
      text('householdHead', 'household_head'),
      { key: 'liftedYear', column: 'lifted_year', type: 'integer' },
      text('note', 'note'),
    ],
  };
}

/** Of these ID hashes, those on the roster outside the user's scope, with the name of the county to contact. */
async function rosterOutsideScope(ctx: LedgerContext, hashes: string[]): Promise<Map<string, string>> {
  if (!hashes.length) return new Map();
  const mine = scopeWhere(ctx.user.scope, { division: sql.raw('r.division_code') });
  if (!mine) return new Map(); // the whole country
  const rows = (
    await ctx.services.db.execute(sql`
      select r.id_hash as hash, coalesce(c.name, substr(r.division_code, 1, 6) || '000000') as county
      from labour_roster r left join divisions c on c.code = substr(r.division_code, 1, 6) || '000000'
      where r.id_hash in ${hashes} and not (${mine})`)
  ).rows as { hash: string; county: string }[];
  return new Map(rows.map((r) => [r.hash, r.county]));
}
