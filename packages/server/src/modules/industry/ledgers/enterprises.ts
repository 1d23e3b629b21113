// 引进企业台账: introduced enterprises, created and corrected through the module's services (scope, audit).
// The credit code is checked (GB 32100 check character) by the column type; a code another enterprise holds
// and a park nobody registered are cell errors.
import {
  ENTERPRISE_STATUSES,
  type EnterpriseStatus,
  INDUSTRY_LEDGERS,
  INDUSTRY_SECTIONS,
  type IndustrySection,
} from '@xiezuo/shared/contracts/industry';
import { inArray } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/client';
import type { ErrorDetail } from '../../../platform/http/errors';
import { date, divisionCode, enumOf, phone } from '../../../platform/ledgers/columns';
import { defineLedger, type LedgerContext, naturalKeyOf } from '../../../platform/ledgers/types';
import { parkHolds, sidesInScope } from '../access';
import { allEnterprises, createEnterprise, updateEnterprise } from '../enterprises';
import { industryEnterprises as ent, industryParks as parks } from '../tables';
import { parksByName, zh } from './common';

type EnterpriseLedgerRow = {
  name: string;
  creditCode: string | null;
  originDivisionCode: string;
  divisionCode: string;
  park: string | null;
  industry: IndustrySection | null;
  status: EnterpriseStatus;
  introducedOn: string;
  exitedOn: string | null;
  contact: string | null;
  phone: string | null;
  note: string | null;
  id?: number;
};

export const enterpriseLedger = defineLedger<EnterpriseLedgerRow>({
  key: INDUSTRY_LEDGERS.enterprises,
  title: '引进企业台账',
  titleEn: 'Introduced enterprises',
  entity: 'industry_enterprise',
  columns: [
    {
      key: 'name',
      header: '企业名称',
      headerEn: 'Enterprise',
      synonyms: ['经营主体名称', '企业', '名称'],
      type: 'text',
      required: true,
      example: '中山某某电器有限公司',
    },
    {
      key: 'creditCode',
      header: '统一社会信用代码',
      headerEn: 'Credit code',
      synonyms: ['信用代码', '社会信用代码'],
      type: 'creditCode',
      width: 22,
      example: '91442000MA5000001X',
    },
    divisionCode({
      generic: false,
      key: 'originDivisionCode',
      header: '来源地区划代码',
      headerEn: 'From (division code)',
      required: true,
      example: '442000118000',
    }),
    divisionCode({
      generic: false,
      key: 'divisionCode',
      header: '落地地区划代码',
      headerEn: 'Landed in (division code)',
      required: true,
      example: '520204000000',
    }),
    {
      key: 'park',
      header: '所在园区',
      headerEn: 'Park',
      synonyms: ['入驻园区', '园区'],
      type: 'text',
      example: '水城经济开发区中山产业园',
    },
    enumOf(INDUSTRY_SECTIONS, zh.sections, {
      key: 'industry',
      header: '所属行业',
      headerEn: 'Industry',
      synonyms: ['行业门类', '行业'],
      words: Object.fromEntries(INDUSTRY_SECTIONS.map((s) => [zh.sections[s].slice(2), s])),
      example: 'C 制造业',
    }),
    enumOf(ENTERPRISE_STATUSES, zh.statuses, {
      key: 'status',
      header: '状态',
      headerEn: 'Status',
      synonyms: ['企业状态', '进展'],
      required: true,
      words: { 已签约: 'signed', 已落地: 'landed', 已投产: 'producing', 停产: 'exited', 退出: 'exited' },
      example: '投产',
    }),
    date({
      key: 'introducedOn',
      header: '引进日期',
      headerEn: 'Introduced on',
      synonyms: ['签约日期', '引进时间'],
      required: true,
      example: '2025-03-01',
    }),
    date({ key: 'exitedOn', header: '退出日期', headerEn: 'Exited on', synonyms: ['停产日期'] }),
    { key: 'contact', header: '联系人', headerEn: 'Contact', type: 'text' },
    phone({ example: '13800001234' }),
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: ['name'],
  permissions: { import: 'industry.write', export: 'ledgers.export' },
  validate(row, ctx) {
    const problems: ErrorDetail[] = [];
    if (row.exitedOn && row.exitedOn < row.introducedOn) problems.push({ path: 'exitedOn', key: 'industry.validation.dates' });
    if (!sidesInScope(ctx.user.scope, { divisionCode: row.divisionCode, otherDivisionCode: row.originDivisionCode }))
      problems.push({ path: 'divisionCode', key: 'errors.OUT_OF_SCOPE' });
    return problems;
  },
  validateBatch: checkEnterprises,
  async findExisting(tx, rows) {
    const found = await tx
      .select()
      .from(ent)
      .where(inArray(ent.name, [...new Set(rows.map((r) => r.name))]));
    const parkNames = await parkNamesOf(
      tx,
      found.map((f) => f.parkId),
    );
    const out = new Map<string, EnterpriseLedgerRow>();
    for (const f of found) {
      const row = { ...toLedgerRow({ ...f, parkName: f.parkId == null ? null : (parkNames.get(f.parkId) ?? null) }), id: f.id };
      out.set(naturalKeyOf(enterpriseLedger, row), row);
    }
    return out;
  },
  async write(tx, changes, ctx) {
    const c = { ...ctx, tx };
    const parkIds = await parksByName(
      c,
      [...changes.insert, ...changes.update.map((u) => u.after)].map((r) => r.park),
    );
    const body = ({ park, id: _id, ...rest }: EnterpriseLedgerRow) => ({ ...rest, parkId: park ? (parkIds.get(park)?.id ?? null) : null });
    for (const r of changes.insert) await createEnterprise(c, body(r));
    for (const { before, after } of changes.update) await updateEnterprise(c, before.id!, body(after));
  },
  async exportRows(ctx, filters) {
    const rows = await allEnterprises(ctx, {
      divisionCode: filters.divisionCode,
      originDivisionCode: filters.originDivisionCode,
      status: filters.status as EnterpriseStatus | undefined,
      q: filters.q,
    });
    return rows.map(toLedgerRow);
  },
});

async function parkNamesOf(tx: Tx, ids: (number | null)[]) {
  const wanted = [...new Set(ids.filter((i): i is number => i != null))];
  if (!wanted.length) return new Map<number, string>();
  const rows = await tx.select({ id: parks.id, name: parks.name }).from(parks).where(inArray(parks.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A park must be registered and lie where the enterprise landed; a credit code held by another enterprise (another name) is refused. One query each per batch. */
async function checkEnterprises(rows: EnterpriseLedgerRow[], ctx: LedgerContext): Promise<ErrorDetail[][]> {
  const parkIds = await parksByName(
    ctx,
    rows.map((r) => r.park),
  );
  const codes = [...new Set(rows.map((r) => r.creditCode).filter((c): c is string => c != null))];
  const holders = codes.length
    ? await (ctx.tx ?? ctx.services.db).select({ name: ent.name, code: ent.creditCode }).from(ent).where(inArray(ent.creditCode, codes))
    : [];
  const holderOf = new Map(holders.map((h) => [h.code, h.name]));
  const inFile = new Map<string, string>();
  return rows.map((row) => {
    const problems: ErrorDetail[] = [];
    const park = row.park == null ? undefined : parkIds.get(row.park);
    if (row.park != null && !park) problems.push({ path: 'park', key: 'industry.validation.noParkByName', params: { name: row.park } });
    else if (park && row.divisionCode && !parkHolds(park.divisionCode, row.divisionCode))
      problems.push({ path: 'park', key: 'industry.validation.parkElsewhere', params: { name: park.name } });
    if (row.creditCode) {
      const other = holderOf.get(row.creditCode) ?? inFile.get(row.creditCode);
      if (other && other !== row.name)
        problems.push({ path: 'creditCode', key: 'industry.validation.duplicateCredit', params: { name: other } });
      inFile.set(row.creditCode, row.name);
    }
    return problems;
  });
}

function toLedgerRow(e: {
  name: string;
  creditCode: string | null;
  originDivisionCode: string;
  divisionCode: string;
  parkName: string | null;
  industry: IndustrySection | null;
  status: EnterpriseStatus;
  introducedOn: string;
  exitedOn: string | null;
  contact: string | null;
  phone: string | null;
  note: string | null;
}): EnterpriseLedgerRow {
  return {
    name: e.name,
    creditCode: e.creditCode,
    originDivisionCode: e.originDivisionCode,
    divisionCode: e.divisionCode,
    park: e.parkName,
    industry: e.industry,
    status: e.status,
    introducedOn: e.introducedOn,
    exitedOn: e.exitedOn,
    contact: e.contact,
    phone: e.phone,
    note: e.note,
  };
}
