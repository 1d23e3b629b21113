// 项目受益户台账: the people a project benefits, by 项目编号 and ID number (sensitive: masked in exports unless
// revealed, encrypted at rest). 其中脱贫人口 is never a column: it comes from lifted_persons by the ID's hash.
import { BENEFIT_MECHANISMS, type BenefitMechanism, FUNDS_LEDGERS } from '@xiezuo/shared/contracts/funds';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { date, enumOf, idNumber } from '../../../platform/ledgers/columns';
import { defineLedger, naturalKeyOf } from '../../../platform/ledgers/types';
import { dbOf, projectsInScope } from '../access';
import { createBeneficiary, updateBeneficiary } from '../beneficiaries';
import { projectsByCode } from '../projects';
import { fundBeneficiaries as fb, fundProjects as fp } from '../tables';
import { zh } from './common';

type Row = {
  projectCode: string;
  name: string;
  idNumber: string;
  mechanism: BenefitMechanism;
  since: string;
  note: string | null;
  id?: number;
};

const KEY = { naturalKey: ['projectCode', 'idNumber'] };

export const beneficiaryLedger = defineLedger<Row>({
  key: FUNDS_LEDGERS.beneficiaries,
  title: '项目受益户台账',
  titleEn: 'Project beneficiaries',
  entity: 'fund_beneficiary',
  columns: [
    {
      key: 'projectCode',
      header: '项目编号',
      headerEn: 'Project code',
      synonyms: ['项目代码'],
      type: 'text',
      required: true,
      example: 'GP-CY-01',
    },
    {
      key: 'name',
      header: '姓名',
      headerEn: 'Name',
      synonyms: ['受益人姓名', '户主姓名'],
      type: 'text',
      required: true,
      example: '张三（演示）',
      maxLength: 50,
    },
    idNumber({ example: '11010519491231002X' }),
    enumOf(BENEFIT_MECHANISMS, zh.mechanisms, {
      key: 'mechanism',
      header: '联农带农方式',
      headerEn: 'Benefit mechanism',
      synonyms: ['受益方式', '带动方式'],
      required: true,
      example: '就业务工',
      words: { 务工: 'wages', 入股分红: 'dividend', 土地流转: 'land_rent', 公益性岗位: 'public_post' },
    }),
    date({ key: 'since', header: '受益日期', headerEn: 'Since', synonyms: ['受益时间'], required: true, example: '2026-04-01' }),
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: KEY.naturalKey,
  permissions: { import: 'funds.write', export: 'ledgers.export' },
  async validateBatch(rows, ctx) {
    const projects = await projectsByCode(
      ctx,
      rows.map((r) => r.projectCode),
    );
    return rows.map((r) => (projects.has(r.projectCode) ? [] : [{ path: 'projectCode', key: 'funds.validation.noProject' }]));
  },
  async findExisting(tx, rows, ctx): Promise<Map<string, Row>> {
    const hashes = [...new Set(rows.map((r) => ctx.services.cipher.hash(r.idNumber)))];
    const found = await tx
      .select({
        id: fb.id,
        projectCode: fp.code,
        name: fb.name,
        cipher: fb.idNumberCipher,
        mechanism: fb.mechanism,
        since: fb.since,
        note: fb.note,
      })
      .from(fb)
      .innerJoin(fp, eq(fp.id, fb.projectId))
      .where(and(inArray(fb.idHash, hashes), projectsInScope(ctx.user.scope)));
    return new Map(
      found.map(({ cipher, ...f }) => {
        const row = { ...f, idNumber: ctx.services.cipher.decrypt(cipher) };
        return [naturalKeyOf(KEY, row), row];
      }),
    );
  },
  async write(tx, changes, ctx) {
    const c = { ...ctx, tx };
    const projects = await projectsByCode(
      c,
      changes.insert.map((r) => r.projectCode),
    );
    for (const { id: _id, projectCode, ...r } of changes.insert)
      await createBeneficiary(c, { ...r, projectId: projects.get(projectCode)!.id });
    for (const { before, after } of changes.update) {
      await updateBeneficiary(c, before.id!, { name: after.name, mechanism: after.mechanism, since: after.since, note: after.note });
    }
  },
  async exportRows(ctx) {
    const rows = await dbOf(ctx)
      .select({ projectCode: fp.code, name: fb.name, cipher: fb.idNumberCipher, mechanism: fb.mechanism, since: fb.since, note: fb.note })
      .from(fb)
      .innerJoin(fp, eq(fp.id, fb.projectId))
      .where(projectsInScope(ctx.user.scope))
      .orderBy(asc(fp.code), asc(fb.id));
    return rows.map(({ cipher, ...r }) => ({ ...r, idNumber: ctx.services.cipher.decrypt(cipher) }));
  },
});
