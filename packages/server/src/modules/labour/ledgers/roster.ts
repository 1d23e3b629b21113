// 脱贫人口名册: one row per person, the village by name as clerks write it; written through saveRosterPerson
// (scope, audit). ID numbers are masked in exports unless the user may reveal them and asks.
import { LABOUR_LEDGERS } from '@xiezuo/shared/contracts/labour';
import { inArray } from 'drizzle-orm';
import { divisionByName, idNumber } from '../../../platform/ledgers/columns';
import { defineLedger, naturalKeyOf } from '../../../platform/ledgers/types';
import { inScope } from '../../../platform/scope';
import { allRoster, saveRosterPerson } from '../roster';
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
  async write(tx, changes, ctx) {
    const c = { ...ctx, tx };
    for (const r of [...changes.insert, ...changes.update.map((u) => u.after)]) await saveRosterPerson(c, r);
  },
  async exportRows(ctx, filters) {
    const rows = await allRoster(ctx, { divisionCode: filters.divisionCode, q: filters.q });
    return rows.map((r) => toRow(r, ctx.services.cipher.decrypt(r.idCipher)));
  },
});
