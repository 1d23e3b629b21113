// Demo data: 中山's fiscal aid to 六盘水 (1.6775亿元 this year by the end of August, last year's for the
// comparison) passed on to its counties; 南口镇's 10 lighting projects (550,000元 raised from society); 中山—
// 六盘水 industry projects; one 兴义村 project whose beneficiaries are the village's 脱贫户 members. Runs after
// the teams and monitoring seeds; their rows are looked up by name with plain SQL (never their tables.ts).
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { maskIdNumber } from '@xiezuo/shared/codes/idNumber';
import { PROJECT_STATUSES } from '@xiezuo/shared/contracts/funds';
import { eq, sql } from 'drizzle-orm';
import type { Services } from '../../platform/context';
import type { Tx } from '../../platform/db/client';
import type { ModuleSeed } from '../../platform/seed';
import { programmes } from '../registry';
import {
  type DemoProject,
  GANGPING_PROJECT,
  LIUPANSHUI,
  LIWAN,
  LPS_PROJECTS,
  LPS_TRANSFERS,
  NANKOU,
  NANKOU_PROJECTS,
  ZHONGSHAN,
  ZS_BATCHES,
  ZS_BATCHES_LAST_YEAR,
} from './demoData';
import { fundAllocations, fundBeneficiaries, fundFlows, fundProjectBudgets, fundProjects } from './tables';

const STEP_COLS = ['reservedOn', 'approvedOn', 'startedOn', 'completedOn', 'acceptedOn', 'handedOverOn'] as const;

/** `${year}-${md}`, never after today (the demo is dated relative to the day it is loaded). */
const dayOf = (year: number, md: string, today: string) => {
  const d = `${year}-${md}`;
  return d > today ? today : d;
};

async function programmeId(tx: Tx, code: string) {
  const [row] = await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.code, code));
  return row?.id ?? null;
}

async function teamId(tx: Tx, name: string): Promise<number | null> {
  const r = await tx.execute(sql`select id from teams where name = ${name} order by id limit 1`);
  return (r.rows[0] as { id: number } | undefined)?.id ?? null;
}

async function seedAllocations(tx: Tx, year: number, today: string) {
  const programme = await programmeId(tx, 'yue-qian-zs-lps');
  const team = await teamId(tx, '中山市对口协作六盘水市工作队');
  const batch = (y: number, n: number, md: string, amount: number) => ({
    kind: 'fiscal' as const,
    payerDivisionCode: ZHONGSHAN,
    divisionCode: LIUPANSHUI,
    programmeId: programme,
    teamId: team,
    budgetYear: y,
    docNo: `中协办〔${y}〕${n}号（演示）`,
    allocatedOn: dayOf(y, md, today),
    amount: amount.toFixed(2),
    note: '演示数据',
  });
  const rows = [
    ...ZS_BATCHES.map(([md, amount], i) => batch(year, i + 1, md, amount)),
    ...ZS_BATCHES_LAST_YEAR.map(([md, amount], i) => batch(year - 1, i + 1, md, amount)),
  ];
  const inserted = await tx.insert(fundAllocations).values(rows).returning({ id: fundAllocations.id });
  const first = inserted[0].id;
  await tx.insert(fundAllocations).values(
    LPS_TRANSFERS.map(([code, name, amount], i) => ({
      parentId: first,
      kind: 'fiscal' as const,
      payerDivisionCode: LIUPANSHUI,
      divisionCode: code,
      programmeId: programme,
      teamId: team,
      budgetYear: year,
      docNo: `六财农〔${year}〕${10 + i}号（演示）`,
      allocatedOn: dayOf(year, '04-10', today),
      amount: amount.toFixed(2),
      note: `转拨${name}（演示）`,
    })),
  );
  // 南口镇: about 55万元 raised by the team's 组团帮扶单位 for the lighting projects
  await tx.insert(fundAllocations).values({
    kind: 'social',
    payerDivisionCode: LIWAN,
    divisionCode: NANKOU,
    programmeId: await programmeId(tx, 'gd-zzbz-2'),
    teamId: await teamId(tx, '荔湾驻南口镇帮扶工作队'),
    budgetYear: year,
    docNo: `荔湾驻南口镇工作队筹资〔${year}〕1号（演示）`,
    allocatedOn: dayOf(year, '02-20', today),
    amount: '550000.00',
    note: '组团帮扶单位筹集，用于道路亮化工程（演示）',
  });
}

async function seedProject(tx: Tx, p: DemoProject, ctx: { year: number; today: string; programme: number | null; team: number | null }) {
  const reached = p.steps.slice(0, PROJECT_STATUSES.indexOf(p.status) + 1);
  const steps = Object.fromEntries(reached.map((md, i) => [STEP_COLS[i], dayOf(ctx.year, md, ctx.today)]));
  const [row] = await tx
    .insert(fundProjects)
    .values({
      code: p.code,
      name: p.name,
      type: p.type,
      status: p.status,
      programmeId: ctx.programme,
      teamId: ctx.team,
      divisionCode: p.divisionCode,
      implementingUnit: p.unit,
      plannedStart: dayOf(ctx.year, p.steps[2] ?? '05-01', ctx.today),
      plannedFinish: p.plannedFinish ? `${ctx.year}-${p.plannedFinish}` : null,
      reservedOn: steps.reservedOn,
      ...steps,
      jobsCreated: p.jobs ?? null,
      assetType: p.asset?.[0] ?? null,
      assetValue: p.asset ? p.budget.toFixed(2) : null,
      assetOwner: p.asset?.[1] ?? null,
      note: '演示数据',
    })
    .returning({ id: fundProjects.id });
  await tx.insert(fundProjectBudgets).values({ projectId: row.id, kind: p.kind, amount: p.budget.toFixed(2) });
  const committedOn = steps.approvedOn;
  if (!committedOn) return row.id;
  const flow = (type: 'commitment' | 'disbursement' | 'expenditure', amount: number, on: string) => ({
    projectId: row.id,
    type,
    kind: p.kind,
    occurredOn: on,
    amount: amount.toFixed(2),
    voucherNo: `${p.code}-${type.slice(0, 3).toUpperCase()}`,
  });
  const flows = [flow('commitment', p.budget, committedOn)];
  const paid = Math.round(p.budget * p.disbursedShare);
  if (paid > 0) flows.push(flow('disbursement', paid, steps.startedOn ?? committedOn));
  if (paid > 0 && steps.completedOn) flows.push(flow('expenditure', paid, steps.completedOn));
  await tx.insert(fundFlows).values(flows);
  return row.id;
}

/** 兴义村's project benefits the village's monitored 脱贫户 members (其中脱贫人口 then comes from lifted_persons). */
async function seedBeneficiaries(services: Services, tx: Tx, projectId: number, since: string) {
  const r = await tx.execute(sql`select m.name, m.id_cipher as cipher from monitoring_members m
      join monitoring_households h on h.id = m.household_id
      where h.division_code = ${GANGPING_PROJECT.divisionCode} and h.is_lifted order by m.id limit 8`);
  const people = (r.rows as { name: string; cipher: string }[]).map((p) => ({ name: p.name, id: services.cipher.decrypt(p.cipher) }));
  if (!people.length) return;
  await tx.insert(fundBeneficiaries).values(
    people.map((p, i) => ({
      projectId,
      name: p.name,
      idNumberCipher: services.cipher.encrypt(p.id),
      idHash: services.cipher.hash(p.id),
      idNumberMasked: maskIdNumber(p.id),
      mechanism: i % 2 ? ('dividend' as const) : ('wages' as const),
      since,
      note: '演示数据',
    })),
  );
}

export async function seedFundsDemo(services: Services) {
  const today = todayInBeijing();
  const year = Number(today.slice(0, 4));
  await services.db.transaction(async (tx) => {
    await seedAllocations(tx, year, today);
    const nankou = { year, today, programme: await programmeId(tx, 'gd-zzbz-2'), team: await teamId(tx, '荔湾驻南口镇帮扶工作队') };
    for (const p of NANKOU_PROJECTS) await seedProject(tx, p, nankou);
    const lps = {
      year,
      today,
      programme: await programmeId(tx, 'yue-qian-zs-lps'),
      team: await teamId(tx, '中山市对口协作六盘水市工作队'),
    };
    for (const p of LPS_PROJECTS) await seedProject(tx, p, lps);
    // last year's: a finished project so the same period last year has figures
    await seedProject(
      tx,
      { ...LPS_PROJECTS[1], code: 'ZS-LPS-00', name: '盘州市食用菌大棚项目（演示）', divisionCode: '520281000000' },
      { ...lps, year: year - 1 },
    );
    const gp = { year, today, programme: await programmeId(tx, 'gd-zzbz-2'), team: null };
    const gpId = await seedProject(tx, GANGPING_PROJECT, gp);
    await seedBeneficiaries(services, tx, gpId, dayOf(year, '04-01', today));
  });
}

export const fundsSeed: ModuleSeed = {
  name: 'funds',
  async run(services) {
    await seedFundsDemo(services);
    return [];
  },
};
