// A tiny ledger for tests, the browser test and the benchmark: household members (家庭成员) kept in a
// table the test creates itself. It shows what a module writes: findExisting by natural key, write
// with audit, scope-filtered export.

import { maskIdNumber } from '@xiezuo/shared/codes/idNumber';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { inScope, scopeWhere } from '../../scope';
import { auditLedgerWrite } from '../audit';
import { defineLedger, type LedgerRow, naturalKeyOf } from '../types';

export const EXAMPLE_TABLE_SQL = `
  create table if not exists ledger_example_members (
    id serial primary key,
    id_number text not null,
    year integer not null,
    name text not null,
    division_code text not null,
    relation text,
    birth_date date,
    income numeric(18,2),
    phone text,
    disabled boolean,
    unique (id_number, year)
  )`;

export async function createExampleTable(db: Db) {
  await db.execute(sql.raw(EXAMPLE_TABLE_SQL));
}

const COLS = ['id_number', 'year', 'name', 'division_code', 'relation', 'birth_date', 'income', 'phone', 'disabled'] as const;
const KEYS = ['idNumber', 'year', 'name', 'divisionCode', 'relation', 'birthDate', 'income', 'phone', 'disabled'] as const;

function fromDb(r: Record<string, unknown>): LedgerRow {
  const row: LedgerRow = {};
  COLS.forEach((c, i) => {
    const v = r[c];
    row[KEYS[i]] = v instanceof Date ? v.toISOString().slice(0, 10) : v;
  });
  row.id = r.id;
  return row;
}

export const exampleLedger = defineLedger({
  key: 'example-members',
  title: '家庭成员台账',
  titleEn: 'Household members',
  entity: 'example_member',
  permissions: { import: 'ledgers.import', export: 'ledgers.export' },
  naturalKey: ['idNumber', 'year'],
  uniqueNaturalKey: true, // unique (id_number, year)
  tables: ['ledger_example_members'],
  columns: [
    { key: 'name', header: '姓名', headerEn: 'Name', type: 'text', required: true, example: '张三' },
    {
      key: 'idNumber',
      header: '身份证号',
      headerEn: 'ID number',
      type: 'idNumber',
      required: true,
      sensitive: true,
      synonyms: ['身份证号码', '公民身份号码', '身份证'],
      example: '11010519491231002X',
    },
    { key: 'year', header: '年度', headerEn: 'Year', type: 'integer', required: true, example: 2025 },
    {
      key: 'divisionCode',
      header: '行政区划代码',
      headerEn: 'Division code',
      type: 'divisionCode',
      required: true,
      synonyms: ['区划代码'],
      example: '441426104000',
    },
    {
      key: 'relation',
      header: '与户主关系',
      headerEn: 'Relation',
      type: 'enum',
      synonyms: ['关系'],
      options: [
        { value: 'head', label: '户主' },
        { value: 'spouse', label: '配偶' },
        { value: 'child', label: '子女' },
        { value: 'other', label: '其他' },
      ],
      example: '户主',
    },
    { key: 'birthDate', header: '出生日期', headerEn: 'Birth date', type: 'date', example: '1949-12-31' },
    {
      key: 'income',
      header: '年收入',
      headerEn: 'Annual income',
      type: 'amount',
      unit: '元',
      synonyms: ['家庭年收入', '收入'],
      note: '上一年度纯收入',
      example: 12345.5,
    },
    { key: 'phone', header: '联系电话', headerEn: 'Phone', type: 'phone', sensitive: true, example: '13800138000' },
    { key: 'disabled', header: '是否残疾', headerEn: 'Disabled', type: 'boolean', example: '否' },
  ],
  validate(row, ctx) {
    // scope: a row outside the importer's divisions is refused, like any other write
    if (!inScope(ctx.user.scope, { divisionCode: String(row.divisionCode) })) return [{ path: 'divisionCode', key: 'errors.OUT_OF_SCOPE' }];
    // cross-field check: nobody is born after the ledger year
    if (row.birthDate && row.year && Number(String(row.birthDate).slice(0, 4)) > Number(row.year)) {
      return [{ path: 'birthDate', message: '出生日期晚于年度' }];
    }
    return [];
  },
  // a record of another county under the same key is not the importer's to change (nor to move into their division)
  async validateBatch(rows, ctx) {
    const found = await findMembers(ctx.services.db, rows);
    return rows.map((r) => {
      const stored = found.get(naturalKeyOf(exampleLedger, r));
      return stored && !inScope(ctx.user.scope, { divisionCode: String(stored.divisionCode) })
        ? [{ path: 'idNumber', key: 'errors.OUT_OF_SCOPE' }]
        : [];
    });
  },
  findExisting: (tx, rows) => findMembers(tx, rows),
  // large imports: applied set-based from the staging table (same rows, same audit entries as write())
  staged: (ctx) => ({
    table: 'ledger_example_members',
    match: scopeWhere(ctx.user.scope, { division: sql.raw('t.division_code') }), // a record outside the scope is never written
    entity: 'example_member',
    naturalKey: ['idNumber', 'year'],
    auditKey: [{ key: 'idNumber', mask: true }, { key: 'year' }],
    uniqueNaturalKey: true,
    columns: [
      { key: 'idNumber', column: 'id_number', type: 'text' },
      { key: 'year', column: 'year', type: 'integer' },
      { key: 'name', column: 'name', type: 'text' },
      { key: 'divisionCode', column: 'division_code', type: 'text' },
      { key: 'relation', column: 'relation', type: 'text' },
      { key: 'birthDate', column: 'birth_date', type: 'date' },
      { key: 'income', column: 'income', type: 'numeric' },
      { key: 'phone', column: 'phone', type: 'text' },
      { key: 'disabled', column: 'disabled', type: 'boolean' },
    ],
  }),
  async write(tx, { insert, update }, ctx) {
    if (insert.length) await insertMembers(tx, insert);
    for (const { after } of update) {
      await tx.execute(sql`update ledger_example_members set name = ${after.name}, division_code = ${after.divisionCode}, relation = ${after.relation},
        birth_date = ${after.birthDate}, income = ${after.income}, phone = ${after.phone}, disabled = ${after.disabled} where id = ${after.id}`);
    }
    await auditLedgerWrite(tx, ctx, 'example_member', { insert, update }, (r) => `${maskIdNumber(String(r.idNumber))}/${r.year}`); // ID numbers masked in the log
  },
  async exportRows(ctx, filters) {
    const conds = [sql`true`];
    const scope = scopeWhere(ctx.user.scope, { division: sql.raw('division_code') });
    if (scope) conds.push(scope);
    if (filters.year) conds.push(sql`year = ${Number(filters.year)}`);
    const r = await ctx.services.db.execute(sql`select * from ledger_example_members where ${sql.join(conds, sql` and `)} order by id`);
    return (r.rows as Record<string, unknown>[]).map(fromDb);
  },
});

async function findMembers(tx: Tx | Db, rows: LedgerRow[]): Promise<Map<string, LedgerRow>> {
  const ids = [...new Set(rows.map((r) => String(r.idNumber)))];
  const found = await tx.execute(sql`select * from ledger_example_members where id_number = any(${sql.param(ids)}::text[])`);
  const map = new Map<string, LedgerRow>();
  for (const r of found.rows as Record<string, unknown>[]) {
    const row = fromDb(r);
    map.set(naturalKeyOf({ naturalKey: ['idNumber', 'year'] }, row), row);
  }
  return map;
}

/** Multi-row INSERT, 1000 rows per statement (also the benchmark's write path). */
export async function insertMembers(tx: Tx | Db, rows: LedgerRow[]) {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const values = sql.join(
      chunk.map(
        (r) =>
          sql`(${r.idNumber}, ${r.year}, ${r.name}, ${r.divisionCode}, ${r.relation ?? null}, ${r.birthDate ?? null}, ${r.income ?? null}, ${r.phone ?? null}, ${r.disabled ?? null})`,
      ),
      sql`, `,
    );
    await tx.execute(sql`insert into ledger_example_members (${sql.raw(COLS.join(', '))}) values ${values}`);
  }
}
