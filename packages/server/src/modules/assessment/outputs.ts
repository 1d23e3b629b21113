// Outputs of a cycle, written from its scores and the records behind them:
// - the scoring table (评分表, .xlsx in the ledger sheet layout: title, Chinese and English headers): each party's items
//   with their inputs, rule, points, reviewers' scores, spread and settlement, then its total, grade and rank in group;
// - a party's self-assessment report (自评报告, .docx laid out as a 公文: title, 主送, body with each aspect's figures and
//   the evidence list — the records behind each figure, as a checker finds them — 落款 and date).
// An assessed party gets its own parties; HQ (assessment.review) every party; anyone else NOT_FOUND. Both are audited.
import { PassThrough } from 'node:stream';
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import type { CycleT, FrameworkItemT, ItemTraceT, PartyScoreT } from '@xiezuo/shared/contracts/assessment';
import { formatPercent } from '@xiezuo/shared/format';
import { zhCN } from '@xiezuo/shared/i18n/assessment';
import { INDICATOR_BY_CODE } from '@xiezuo/shared/indicators/catalogue';
import type { Paragraph, Table } from 'docx';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import {
  addressee,
  chineseDate,
  gongwenDocx,
  note,
  para,
  point,
  sectionHeading,
  signOff,
  table,
  titleParagraph,
} from '../../platform/gongwen';
import { AppError } from '../../platform/http/errors';
import { type LedgerColumn, type LedgerRow, writeLedgerWorkbook } from '../../platform/ledgers';
import { figureRecords } from '../indicators';
import { describeRecords, evidenceOf, getCycle, isReviewer } from './cycles';
import { frameworkRow, maxTotal } from './frameworks';
import { figureWriter, GRADE_ZH } from './rules';

const PROGRAMME_ZH = { east_west: '东西部协作', town: '驻镇帮镇扶村' } as const;
const ADDRESSEE = { east_west: '东西部协作考核评价工作组', town: '驻镇帮镇扶村考核评价工作组' } as const;
/** Records listed per item in the report; the rest are counted and found in the ledger's export. */
export const EVIDENCE_LISTED = 10;

/** The cycle as the user sees it, and the parties whose outputs they may have: HQ every one, a party its own. */
async function outputsOf(ctx: Ctx, id: number) {
  const c = await getCycle(ctx, id);
  const parties = isReviewer(ctx) ? c.scores : c.scores.filter((s) => c.ownParties.includes(s.partyId));
  if (!parties.length) throw new AppError('NOT_FOUND');
  return { c, parties };
}

const num = (v: number) => (Number.isInteger(v) ? v.toLocaleString('zh-CN') : v.toLocaleString('zh-CN', { maximumFractionDigits: 2 }));
const inputOf = (i: ItemTraceT, key: 'actual' | 'target') => {
  const v = (i.inputs as Record<string, unknown>)[key];
  return typeof v === 'number' ? v : null;
};

function reviewsOf(c: CycleT, partyId: number, code: string) {
  const rs = c.reviews.filter((r) => r.partyId === partyId && r.item === code);
  const text = rs
    .map((r) => `${r.reviewer} ${r.flag == null ? `${num(r.points)}分` : r.flag ? '✓' : '✗'}${r.note ? `（${r.note}）` : ''}`)
    .join('；');
  const points = rs.map((r) => r.points);
  const spread = points.length > 1 ? Math.max(...points) - Math.min(...points) : null;
  const settled = c.settlements.find((s) => s.partyId === partyId && s.item === code);
  return { rs, text, spread, settled };
}

// ---- the scoring table ----
const col = (key: string, header: string, headerEn: string, type: LedgerColumn['type'] = 'text', width?: number): LedgerColumn => ({
  key,
  header,
  headerEn,
  type,
  width,
});
const TABLE_COLUMNS: LedgerColumn[] = [
  col('party', '被考核对象', 'Assessed party', 'text', 22),
  col('group', '评价组', 'Group', 'text', 12),
  col('aspect', '方面', 'Aspect', 'text', 16),
  col('item', '评价事项', 'Item', 'text', 26),
  col('kind', '类型', 'Kind', 'text', 10),
  col('maxPoints', '满分', 'Max points', 'decimal', 8),
  col('actual', '完成值', 'Actual', 'decimal', 16),
  col('target', '目标值', 'Target', 'decimal', 16),
  col('unit', '单位', 'Unit', 'text', 8),
  col('source', '目标来源', 'Target from', 'text', 18),
  col('rule', '评分规则', 'Rule applied', 'text', 48),
  col('points', '得分', 'Points', 'decimal', 8),
  col('reviews', '评审打分', 'Reviewers’ scores', 'text', 30),
  col('spread', '分差', 'Spread', 'decimal', 8),
  col('settled', '协调结果', 'Settlement', 'text', 30),
  col('total', '总分', 'Total', 'decimal', 8),
  col('grade', '等次', 'Grade', 'text', 8),
  col('rank', '组内排名', 'Rank in group', 'integer', 10),
];

function tableRows(c: CycleT, parties: PartyScoreT[], items: Map<string, FrameworkItemT>, max: number): LedgerRow[] {
  const groups = new Map(c.groups.map((g) => [g.key, g.name]));
  const sorted = [...parties].sort(
    (a, b) => c.groups.findIndex((g) => g.key === a.group) - c.groups.findIndex((g) => g.key === b.group) || a.rank - b.rank,
  );
  return sorted.flatMap((s) => {
    const group = groups.get(s.group) ?? s.group;
    const rows: LedgerRow[] = s.items.map((i) => {
      const def = INDICATOR_BY_CODE.get(items.get(i.code)?.indicator?.split('|')[0] ?? '');
      const r = reviewsOf(c, s.partyId, i.code);
      return {
        party: s.name,
        group,
        aspect: i.aspect,
        item: i.name,
        kind: zhCN.kinds[i.kind],
        maxPoints: i.maxPoints,
        actual: inputOf(i, 'actual'),
        target: inputOf(i, 'target'),
        unit: def ? def.unitZh : null,
        source: (i.inputs as { source?: string }).source ?? null,
        rule: i.rule,
        points: i.points,
        reviews: r.text || null,
        spread: r.spread,
        settled: r.settled ? `${num(r.settled.points)}分：${r.settled.reason}（${r.settled.by}）` : null,
      };
    });
    rows.push({
      party: s.name,
      group,
      aspect: '合计',
      maxPoints: max,
      points: s.total,
      total: s.total,
      grade: `${GRADE_ZH[s.grade]}${s.vetoed ? '（否决项：不得评为“好”）' : ''}`,
      rank: s.rank,
    });
    return rows;
  });
}

export async function scoreTable(ctx: Ctx, id: number): Promise<{ file: Buffer; fileName: string }> {
  const { c, parties } = await outputsOf(ctx, id);
  const framework = await frameworkRow(ctx.tx ?? ctx.services.db, c.frameworkId);
  const items = new Map(framework.aspects.flatMap((a) => a.items.map((i) => [i.code, i])));
  const state = c.lockedAt ? '终审结果' : `按${chineseDate(todayInBeijing())}数据测算`;
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await writeLedgerWorkbook(
    out,
    { title: `${c.name}评分表（${state}）`, titleEn: 'Scoring table', columns: TABLE_COLUMNS },
    { t: ctx.t, rows: tableRows(c, parties, items, maxTotal(framework.aspects)) },
  );
  await done;
  await writeAudit(ctx.services.db, ctx.actor, {
    action: 'export',
    entity: 'assessment_cycle',
    entityId: id,
    after: { output: 'score-table', parties: parties.map((p) => p.partyId) },
  });
  return { file: Buffer.concat(chunks), fileName: `${c.name}评分表.xlsx` };
}

// ---- the self-assessment report ----
/** What an item's paragraph says about how its points were reached. */
function itemSentence(c: CycleT, s: PartyScoreT, i: ItemTraceT, item: FrameworkItemT | undefined): string {
  const source = (i.inputs as { source?: string }).source;
  const r = reviewsOf(c, s.partyId, i.code);
  const parts: string[] = [];
  if (source?.startsWith('年度帮扶协议')) parts.push(`对照${source.replace(/ (\d+) 项$/, '（$1项目标）')}，`);
  else if (source === '目标任务') parts.push('对照目标任务，');
  parts.push(`${i.rule}，得${num(i.points)}分。`);
  if (r.rs.length && i.kind !== 'indicator' && i.kind !== 'innovation') parts.push(`评审意见：${r.text}。`);
  if (item?.evidence) parts.push(`佐证材料：${item.evidence}。`);
  return parts.join('');
}

export async function selfReport(ctx: Ctx, id: number, partyId: number): Promise<{ file: Buffer; fileName: string }> {
  const { c, parties } = await outputsOf(ctx, id);
  const s = parties.find((p) => p.partyId === partyId);
  if (!s) throw new AppError('NOT_FOUND');
  const { framework, nodesOf } = await evidenceOf(ctx, id, partyId);
  const today = todayInBeijing();
  const programme = PROGRAMME_ZH[framework.programme];
  const items = new Map(framework.aspects.flatMap((a) => a.items.map((i) => [i.code, i])));
  const max = maxTotal(framework.aspects);
  const group = c.groups.find((g) => g.key === s.group)?.name ?? s.group;
  const title = `${s.name}${framework.year}年度${programme}考核自评报告`;
  const numerals = '一、|二、|三、|四、|五、|六、'.split('|');
  let section = 0;
  const heading = (text: string) => sectionHeading(`${numerals[section++]}${text}`);
  const { good, fairlyGood, average } = framework.cutoffs;

  const children: (Paragraph | Table)[] = [
    titleParagraph([`${s.name}${framework.year}年度`, `${programme}考核自评报告`]),
    addressee(ADDRESSEE[framework.programme]),
    para(
      `按照《${framework.name}》${framework.illustrative ? '（分值和等次分数线为示意）' : ''}要求，${s.name}对${framework.year}年度${programme}工作开展了自评。现将自评情况报告如下。`,
    ),
    heading('总体情况'),
    para(
      `经自评，${s.name}${framework.year}年度${programme}考核自评得分${num(s.total)}分（满分${num(max)}分），` +
        `按等次划分标准（好${num(good)}分以上、较好${num(fairlyGood)}分以上、一般${num(average)}分以上），自评等次为“${GRADE_ZH[s.grade]}”，` +
        `在${group}中暂列第${s.rank}位。${s.vetoed ? '因存在否决情形，不得评为“好”。' : ''}` +
        (c.lockedAt ? '以上为终审锁定结果。' : `以上得分按${chineseDate(today)}系统数据测算，各项数据均取自业务台账。`),
    ),
    table(
      ['方面', '满分', '自评得分', '得分率'],
      framework.aspects.map((a) => {
        const mine = s.items.filter((i) => a.items.some((x) => x.code === i.code));
        const full = mine.reduce((n, i) => n + i.maxPoints, 0);
        const got = mine.reduce((n, i) => n + i.points, 0);
        return [a.name, num(full), num(Math.round(got * 100) / 100), full ? formatPercent(got / full) : '—'];
      }),
      0.46,
    ),
    heading('各方面完成情况'),
  ];
  framework.aspects.forEach((a, n) => {
    const mine = s.items.filter((i) => a.items.some((x) => x.code === i.code));
    const got = Math.round(mine.reduce((x, i) => x + i.points, 0) * 100) / 100;
    const full = mine.reduce((x, i) => x + i.maxPoints, 0);
    children.push(point(n, '', `${a.name}（满分${num(full)}分，自评${num(got)}分）。`));
    mine.forEach((i, k) => {
      children.push(
        para(`${k + 1}.${i.name}（${zhCN.kinds[i.kind]}，满分${num(i.maxPoints)}分）：${itemSentence(c, s, i, items.get(i.code))}`),
      );
    });
  });

  // 佐证材料清单: the records behind each figure, where the score read them, as a checker finds them
  children.push(heading('佐证材料清单'));
  let listed = 0;
  for (const i of s.items) {
    const item = items.get(i.code);
    if (!item?.indicator || (i.kind !== 'indicator' && i.kind !== 'innovation')) continue;
    const show = figureWriter(item.indicator);
    const records = (
      await Promise.all(nodesOf(item.indicator).map((node) => figureRecords(ctx.services, item.indicator!, node, `Y${framework.year}`)))
    ).flat();
    const def = INDICATOR_BY_CODE.get(item.indicator.split('|')[0]);
    const distinct = def?.measure === 'distinct' || def?.measure === 'stock';
    const total = distinct ? new Set(records.map((r) => r.subject)).size : records.reduce((x, r) => x + Number(r.qty), 0);
    const lead = `${item.name}。`;
    if (!records.length) {
      children.push(point(listed++, `${item.evidence ?? '相关台账'}：本年度系统中暂无记录。`, lead));
      continue;
    }
    const latest = [...records].sort((a, b) => (b.day ?? '').localeCompare(a.day ?? '')).slice(0, EVIDENCE_LISTED);
    const labels = await describeRecords(ctx, item.indicator, [...new Set(latest.map((r) => r.subject))]);
    children.push(
      point(
        listed++,
        `${item.evidence ?? '相关台账'}：系统记录${records.length}条，合计${show(total)}${records.length > latest.length ? `；下表列出最近${latest.length}条，其余见台账导出` : ''}。`,
        lead,
      ),
    );
    children.push(
      table(
        ['记录', '日期', '数量'],
        latest.map((r, k) => [
          `${k + 1}. ${labels.get(r.subject) ?? '（记录无说明）'}`,
          r.day ?? '—',
          distinct ? show(1) : show(Number(r.qty)),
        ]),
        0.62,
      ),
    );
  }
  for (const i of s.items) {
    const item = items.get(i.code);
    if (!item?.evidence || item.indicator) continue;
    children.push(point(listed++, `${item.evidence}（附后）。`, `${item.name}。`));
  }

  const checks = c.checks.filter((k) => k.partyId === partyId);
  const self = c.steps.filter((x) => x.partyId === partyId && x.step === 'self').at(-1);
  if (checks.length || self) {
    children.push(heading('其他情况'));
    checks.forEach((k, n) => {
      const item = items.get(k.item);
      const show = figureWriter(item?.indicator);
      const text =
        k.verified == null
          ? `第${k.round}轮抽样尚在核实中。`
          : item
            ? `第${k.round}轮抽样，自报${show(k.reported)}，核实${show(k.verified)}，差异${formatPercent(k.difference)}${k.recheckRequired ? '，须复核' : ''}。`
            : `第${k.round}轮抽取${num(k.reported)}户，回访核实${num(k.verified)}户。`;
      children.push(point(n, text, `实地核查：${item?.name ?? '满意度回访'}。`));
    });
    if (self?.note) children.push(para(`自评意见：${self.note}`));
  }
  children.push(...signOff(today, s.name));
  children.push(note('得分、完成值和佐证材料清单由系统根据业务台账生成；涉及个人的记录只显示姓氏，完整信息见台账'));
  const file = await gongwenDocx(title, children);
  await writeAudit(ctx.services.db, ctx.actor, {
    action: 'export',
    entity: 'assessment_cycle',
    entityId: id,
    after: { output: 'self-report', partyId },
  });
  return { file, fileName: `${title}.docx` };
}
