// 人才交流人员台账: the named persons of exchanges, one row per trip (人次), each naming its exchange by the
// record number the exchange list shows (交流记录编号). The ID number is sensitive (masked in exports unless a
// revealing export is asked by POST, audited); gender and birth date follow it and, when written, must agree
// with it. Written through the module's services (scope, audit, encryption).
import { birthDateOfId, genderOfId } from '@xiezuo/shared/codes/idNumber';
import { GENDERS, type Gender, PROFESSIONAL_FIELDS, type ProfessionalField, TEAMS_LEDGERS } from '@xiezuo/shared/contracts/teams';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ErrorDetail } from '../../../platform/http/errors';
import { date, divisionCode, enumOf, idNumber } from '../../../platform/ledgers/columns';
import { defineLedger, type LedgerContext, naturalKeyOf } from '../../../platform/ledgers/types';
import { dbOf, exchangesInScope } from '../access';
import { addExchangePerson, tripProblems, updateExchangePerson } from '../exchangePersons';
import { talentExchangePersons as P, talentExchanges } from '../tables';
import { zh } from './common';

type PersonLedgerRow = {
  exchange: number;
  name: string;
  idNumber: string;
  gender: Gender | null;
  birthDate: string | null;
  field: ProfessionalField | null;
  unit: string | null;
  fromDivisionCode: string | null;
  toDivisionCode: string | null;
  arrivalDate: string;
  departureDate: string;
  note: string | null;
  id?: number;
};

/** The exchanges a batch names that the user may see, by id: one query. */
async function exchangesById(ctx: LedgerContext, ids: number[]) {
  const wanted = [...new Set(ids)];
  const rows = wanted.length
    ? await dbOf(ctx)
        .select({
          id: talentExchanges.id,
          kind: talentExchanges.kind,
          fromDivisionCode: talentExchanges.fromDivisionCode,
          toDivisionCode: talentExchanges.toDivisionCode,
        })
        .from(talentExchanges)
        .where(and(inArray(talentExchanges.id, wanted), exchangesInScope(ctx.user.scope)))
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}

function toLedgerRow(p: typeof P.$inferSelect, idNumber: string): PersonLedgerRow {
  return {
    exchange: p.exchangeId,
    name: p.name,
    idNumber,
    gender: p.gender,
    birthDate: p.birthDate,
    field: p.field,
    unit: p.unit,
    fromDivisionCode: p.fromDivisionCode,
    toDivisionCode: p.toDivisionCode,
    arrivalDate: p.arrivalDate,
    departureDate: p.departureDate,
    note: p.note,
  };
}

export const exchangePersonLedger = defineLedger<PersonLedgerRow>({
  key: TEAMS_LEDGERS.exchangePersons,
  title: '人才交流人员台账',
  titleEn: 'Talent exchange persons',
  entity: 'talent_exchange_person',
  columns: [
    {
      key: 'exchange',
      header: '交流记录编号',
      headerEn: 'Exchange record no.',
      synonyms: ['记录编号', '交流记录', '交流编号'],
      type: 'integer',
      required: true,
      note: '人才交流台账中该条记录的编号',
      example: 1,
    },
    { key: 'name', header: '姓名', headerEn: 'Name', type: 'text', required: true, maxLength: 50, example: '李四（演示）' },
    idNumber({ example: '44128419850312002X' }),
    enumOf(GENDERS, zh.genders, { key: 'gender', header: '性别', headerEn: 'Gender', note: '可不填，按身份证号' }),
    date({ key: 'birthDate', header: '出生日期', headerEn: 'Birth date', note: '可不填，按身份证号' }),
    enumOf(PROFESSIONAL_FIELDS, zh.professionalFields, {
      key: 'field',
      header: '专业领域',
      headerEn: 'Field',
      synonyms: ['领域', '专业类别'],
      note: '不填则按交流类别：教师→教育，医生→医疗，技术人员→农业',
      example: '教育',
    }),
    { key: 'unit', header: '工作单位', headerEn: 'Work unit', synonyms: ['派出单位', '单位'], type: 'text', maxLength: 100 },
    divisionCode({
      generic: false,
      key: 'fromDivisionCode',
      header: '派出地区划代码',
      headerEn: 'From (division code)',
      note: '不填则为交流记录的派出地',
    }),
    divisionCode({
      generic: false,
      key: 'toDivisionCode',
      header: '服务地区划代码',
      headerEn: 'Serves at (division code)',
      synonyms: ['接收地区划代码'],
      note: '不填则为交流记录的接收地',
      example: '451123000000',
    }),
    date({
      key: 'arrivalDate',
      header: '到岗日期',
      headerEn: 'Arrival',
      synonyms: ['到达日期', '开始日期'],
      required: true,
      example: '2024-09-01',
    }),
    date({
      key: 'departureDate',
      header: '离开日期',
      headerEn: 'Departure',
      synonyms: ['离岗日期', '结束日期'],
      required: true,
      note: '尚未离开的填计划离开日期',
      example: '2025-01-15',
    }),
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: ['exchange', 'idNumber', 'arrivalDate'],
  permissions: { import: 'registry.write', export: 'ledgers.export' }, // as the API: registry.write
  prepare(row) {
    // gender and birth date follow the ID number when the file leaves them out (checked in validate when present)
    if (row.gender == null) row.gender = genderOfId(row.idNumber);
    if (row.birthDate == null) row.birthDate = birthDateOfId(row.idNumber);
  },
  validate(row) {
    const out: ErrorDetail[] = [];
    if (row.gender !== genderOfId(row.idNumber))
      out.push({ path: 'gender', key: 'teams.validation.notAsIdNumber', params: { expected: zh.genders[genderOfId(row.idNumber)] } });
    if (row.birthDate !== birthDateOfId(row.idNumber))
      out.push({ path: 'birthDate', key: 'teams.validation.notAsIdNumber', params: { expected: birthDateOfId(row.idNumber) } });
    if (row.departureDate < row.arrivalDate) out.push({ path: 'departureDate', key: 'teams.validation.departureBeforeArrival' });
    return out;
  },
  /** The exchange must exist and lie in scope; the places must lie within its sides; training has no named persons. */
  async validateBatch(rows, ctx) {
    const exchanges = await exchangesById(
      ctx,
      rows.map((r) => r.exchange),
    );
    return rows.map((r) => {
      const e = exchanges.get(r.exchange);
      if (!e) return [{ path: 'exchange', key: 'teams.validation.noExchange', params: { value: r.exchange } }];
      const trip = {
        fromDivisionCode: r.fromDivisionCode ?? e.fromDivisionCode,
        toDivisionCode: r.toDivisionCode ?? e.toDivisionCode,
        arrivalDate: r.arrivalDate,
        departureDate: r.departureDate,
      };
      return tripProblems(e, trip, '').filter((p) => p.path !== 'departureDate'); // validate said so already
    });
  },
  async findExisting(tx, rows, ctx) {
    const byHash = new Map(rows.map((r) => [ctx.services.cipher.hash(r.idNumber), r.idNumber]));
    const found = await tx
      .select()
      .from(P)
      .where(and(inArray(P.exchangeId, [...new Set(rows.map((r) => r.exchange))]), inArray(P.idNumberHash, [...byHash.keys()])));
    const out = new Map<string, PersonLedgerRow>();
    for (const p of found) {
      const row = { ...toLedgerRow(p, byHash.get(p.idNumberHash)!), id: p.id };
      out.set(naturalKeyOf(exchangePersonLedger, row), row);
    }
    return out;
  },
  async write(tx, changes, ctx) {
    const c = { ...ctx, tx };
    // empty cells: the exchange's places, the field of its kind (the services' defaults)
    const body = ({
      exchange: _e,
      gender: _g,
      birthDate: _b,
      id: _id,
      fromDivisionCode,
      toDivisionCode,
      field,
      ...r
    }: PersonLedgerRow) => ({
      ...r,
      field: field ?? undefined,
      fromDivisionCode: fromDivisionCode ?? undefined,
      toDivisionCode: toDivisionCode ?? undefined,
    });
    for (const r of changes.insert) await addExchangePerson(c, r.exchange, body(r));
    for (const { before, after } of changes.update) await updateExchangePerson(c, before.id!, body(after));
  },
  async exportRows(ctx, filters) {
    const conds = [exchangesInScope(ctx.user.scope)];
    if (filters.exchange && /^\d+$/.test(filters.exchange)) conds.push(eq(P.exchangeId, Number(filters.exchange)));
    const rows = await dbOf(ctx)
      .select({ p: P })
      .from(P)
      .innerJoin(talentExchanges, eq(talentExchanges.id, P.exchangeId))
      .where(and(...conds))
      .orderBy(asc(P.exchangeId), asc(P.arrivalDate), asc(P.id));
    return rows.map(({ p }) => toLedgerRow(p, ctx.services.cipher.decrypt(p.idNumberCipher)));
  },
});
