// Work reports (工作报告): a node's figures for a period as a Chinese .docx — narrative sentences written
// from the data, figures table with the same period last year, ranking among peers, targets — and the
// statistical tables as .xlsx. Both are built from the dashboard, so they show exactly what it shows.
import type { DashboardT, FigureT } from '@xiezuo/shared/contracts/indicators';
import { formatAmount, formatChange, formatPercent, titleWithUnit, withUnit } from '@xiezuo/shared/format';
import { INDICATOR_BY_CODE } from '@xiezuo/shared/indicators/catalogue';
import { parsePeriod } from '@xiezuo/shared/indicators/periods';
import type { Paragraph, Table } from 'docx';
import ExcelJS from 'exceljs';
import { gongwenDocx, para, point, sectionHeading, signOff, table, tableNote, titleParagraph } from '../../platform/gongwen';
import type { Translate } from '../../platform/i18n';
import type { ReportChapter, ReportFigures } from '../../platform/reports';

export interface ReportModel {
  dashboard: DashboardT;
  /** The node's place among its siblings, from the parent's dashboard (null at a root). */
  peers: { rank: number; count: number; indicator: string; allZero?: boolean } | null;
  /** The modules' report chapters (services.reportChapters), in module order. */
  chapters: ReportChapter[];
}

/** A ranking says something only when some value is above zero (else everyone is 名次1). */
export const rankingMeaningful = (items: { value: number | null }[]) => items.some((i) => (i.value ?? 0) !== 0);

/** The part a 其中 row adds to its total's name: 监测户其中脱贫不稳定户 → 其中：脱贫不稳定户. */
export function breakdownLabel(
  f: Pick<FigureT, 'code' | 'name' | 'breakdown'>,
  figures: Pick<FigureT, 'code' | 'name' | 'breakdown'>[],
): string {
  if (!f.breakdown) return f.name;
  const base = figures.find((x) => x.code === f.code && x.breakdown === '')?.name ?? '';
  const part = (f.name.startsWith(base) ? f.name.slice(base.length) : f.name).replace(/^(, )?(of which |其中[:：]?)/, '');
  return /[a-z]/i.test(part) ? `of which: ${part}` : `其中：${part}`;
}

/**
 * 存在问题 and 下步计划: drafted from what is late — indicators behind the time-elapsed share of their
 * target, and indicators below the same period last year. The writer completes them before sending.
 */
export function problemsAndPlans(d: DashboardT): { problems: string[]; plans: string[] } {
  const behind = d.figures.filter((f) => f.breakdown === '' && f.behind && f.target != null);
  const declines = d.figures.filter(
    (f) =>
      f.breakdown === '' &&
      f.value != null &&
      f.lastYear != null &&
      f.lastYear > 0 &&
      (f.changePct ?? 0) <= -0.1 &&
      INDICATOR_BY_CODE.get(f.code)?.measure !== 'stock',
  );
  const problems: string[] = [];
  const plans: string[] = [];
  if (behind.length) {
    problems.push(
      `目标任务进度滞后：${behind.map((f) => `${f.name}完成${formatPercent(f.progress)}`).join('，')}，低于时间进度${formatPercent(d.elapsed)}。`,
    );
    plans.push(
      `聚焦${behind.map((f) => `“${f.name}”`).join('、')}等滞后指标，逐项分解到责任单位和责任人，明确完成时限，确保按期完成目标任务。`,
    );
  }
  if (declines.length) {
    problems.push(`部分指标同比下降：${declines.map((f) => `${f.name}${yoy(f)}`).join('，')}。`);
    plans.push(`分析${declines.map((f) => `“${f.name}”`).join('、')}同比下降的原因，制定针对性措施。`);
  }
  problems.push('【请补充：逾期未办结的审核事项、未按期推进的项目及其他需要说明的问题。】');
  plans.push('【请补充：下一阶段重点工作安排。】');
  return { problems, plans };
}

export const num = (v: number | null | undefined) =>
  v == null ? '—' : Number.isInteger(v) ? v.toLocaleString('zh-CN') : v.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/** A figure as people write it: 94.2% for rates, 42户 for counts. */
export function show(f: Pick<FigureT, 'code' | 'value' | 'unit'>): string {
  const def = INDICATOR_BY_CODE.get(f.code);
  if (def?.measure === 'ratio') return formatPercent(f.value);
  return withUnit(num(f.value), f.unit);
}

/** 上半年 / 下半年 / 2026年 / 第2季度 / 6月 / 3月至7月: how a sentence opens. */
export function periodOpening(key: string): string {
  const p = parsePeriod(key);
  const n = Number(key.slice(6, 8));
  switch (p.kind) {
    case 'half':
      return n === 1 ? '上半年' : '下半年';
    case 'year':
      return `${key.slice(1, 5)}年`;
    case 'quarter':
      return `第${n}季度`;
    case 'month':
      return `${n}月`;
    default:
      return `${Number(p.start.slice(5, 7))}月至${Number(p.end.slice(5, 7))}月`;
  }
}

export function yoy(f: FigureT | undefined): string {
  if (!f || f.value == null) return '';
  if (!f.lastYear) return '去年同期无数据';
  if (f.change === 0) return '与去年同期持平';
  const pct = formatPercent(Math.abs(f.changePct ?? 0));
  return f.change! > 0 ? `同比增长${pct}` : `同比下降${pct}`;
}

/** The figures of a report as chapters read them (see platform/reports.ts). */
export function reportFigures(d: DashboardT): ReportFigures {
  return {
    fig: (code, b = '') => d.figures.find((f) => f.code === code && f.breakdown === b),
    has: (f): f is FigureT => f != null && f.value != null && f.value !== 0,
    num,
    money: (v) => (v == null ? '—' : formatAmount(v)),
    yoy,
    open: periodOpening(d.period),
    name: d.node.name,
  };
}

export interface Narrative {
  /** One entry per module chapter that has something to say, in module order. */
  chapters: { title: string; sentences: string[] }[];
  /** Rank among peers and progress against targets: about the node as a whole. */
  general: string[];
}

/** Narrative sentences written from the figures (Chinese, as the report is): the modules' chapters, then the whole. */
export function narrative(m: ReportModel): Narrative {
  const d = m.dashboard;
  const r = reportFigures(d);
  const chapters = m.chapters.map((c) => ({ title: c.title, sentences: c.sentences(r) })).filter((c) => c.sentences.length > 0);
  const general: string[] = [];
  if (m.peers && m.peers.count > 1 && !m.peers.allZero) {
    general.push(`在${m.peers.count}个同级单位中，${r.name}“${m.peers.indicator}”排名第${m.peers.rank}位。`);
  }
  for (const f of d.figures.filter((x) => x.target != null && x.progress != null)) {
    const p = formatPercent(f.progress);
    general.push(
      f.behind
        ? `${f.name}完成目标任务的${p}，低于时间进度${formatPercent(d.elapsed)}，需加快进度。`
        : `${f.name}完成目标任务的${p}，达到时间进度要求。`,
    );
  }
  if (chapters.length === 0 && general.length === 0) general.push('本期暂无数据。');
  return { chapters, general };
}

// ---- docx: laid out as a 公文 (platform/gongwen.ts) ----
/** 总体情况: each module's chapter as a numbered point (（一）防返贫监测。…), then the sentences about the whole. */
function overview(n: Narrative): Paragraph[] {
  return [...n.chapters.map((c, i) => point(i, c.sentences.join(''), `${c.title}。`)), ...n.general.map(para)];
}
export function figureRows(d: DashboardT): { rows: string[][]; indented: Set<number> } {
  const shown = d.figures.filter((f) => f.value != null && (f.value !== 0 || (f.lastYear ?? 0) !== 0));
  const rows = shown.map((f) => [
    breakdownLabel(f, d.figures),
    f.unit,
    INDICATOR_BY_CODE.get(f.code)?.measure === 'ratio' ? formatPercent(f.value) : num(f.value),
    INDICATOR_BY_CODE.get(f.code)?.measure === 'ratio' ? formatPercent(f.lastYear) : num(f.lastYear),
    num(f.change),
    formatChange(f.changePct),
  ]);
  return { rows, indented: new Set(shown.flatMap((f, i) => (f.breakdown ? [i] : []))) };
}

export async function buildDocx(m: ReportModel, t: Translate, generatedAt: string): Promise<Buffer> {
  const d = m.dashboard;
  const numerals = t('indicators.report.numerals').split('|');
  let section = 0;
  const heading = (text: string) => sectionHeading(`${numerals[section++] ?? ''}${text}`);
  const title = t('indicators.report.title', { name: d.node.name, period: d.periodLabel });
  const figures = figureRows(d);
  const children: (Paragraph | Table)[] = [
    titleParagraph(title),
    heading(t('indicators.report.overviewTitle')),
    ...overview(narrative(m)),
    heading(t('indicators.report.figuresTitle')),
    table(
      [t('indicators.indicator'), '单位', d.periodLabel, t('indicators.lastYear'), t('indicators.changeAbs'), t('indicators.change')],
      figures.rows,
      0.34,
      figures.indented,
    ),
  ];
  if (d.rank.items.length && rankingMeaningful(d.rank.items)) {
    children.push(heading(t('indicators.report.rankTitle')));
    children.push(para(`按“${d.rank.name}”对下级单位排名如下。`));
    children.push(
      table(
        [t('indicators.rank'), t('indicators.node'), titleWithUnit(d.rank.name, d.rank.unit), t('indicators.lastYear')],
        d.rank.items.map((i) => [String(i.rank), i.name, num(i.value), num(i.lastYear)]),
        0.12,
      ),
    );
  }
  const targets = d.figures.filter((f) => f.target != null);
  if (targets.length) {
    children.push(heading(t('indicators.report.targetsTitle')));
    children.push(
      table(
        [
          t('indicators.indicator'),
          t('indicators.target'),
          d.periodLabel,
          t('indicators.progress'),
          t('indicators.elapsed', { pct: '' }).trim(),
          t('common.status'),
        ],
        targets.map((f) => [
          f.name,
          num(f.target),
          num(f.value),
          formatPercent(f.progress),
          formatPercent(d.elapsed),
          f.behind ? t('indicators.behind') : t('indicators.onTrack'),
        ]),
      ),
    );
  }
  const { problems, plans } = problemsAndPlans(d);
  children.push(heading(t('indicators.report.problemsTitle')));
  children.push(...problems.map((p, i) => point(i, p)));
  children.push(heading(t('indicators.report.plansTitle')));
  children.push(...plans.map((p, i) => point(i, p)));
  children.push(tableNote(t('indicators.report.dataNote')));
  children.push(...signOff(generatedAt)); // 成文日期 under the text
  return gongwenDocx(title, children);
}

// ---- xlsx ----
export type TableKind = 'figures' | 'children' | 'ranking' | 'targets';

function sheet(wb: ExcelJS.Workbook, name: string, head: string[], rows: (string | number | null)[][]) {
  const ws = wb.addWorksheet(name);
  ws.addRow(head).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 36 : 16;
  });
}

export async function buildXlsx(d: DashboardT, t: Translate, tables: TableKind[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Xiezuo';
  const pct = (v: number | null) => (v == null ? null : Math.round(v * 10000) / 100);
  if (tables.includes('figures')) {
    sheet(
      wb,
      t('indicators.report.sheetFigures'),
      [
        t('indicators.indicator'),
        '单位',
        d.periodLabel,
        t('indicators.lastYear'),
        t('indicators.changeAbs'),
        `${t('indicators.change')}(%)`,
        t('indicators.target'),
        `${t('indicators.progress')}(%)`,
      ],
      d.figures
        .filter((f) => f.value != null)
        .map((f) => [f.name, f.unit, f.value, f.lastYear, f.change, pct(f.changePct), f.target, pct(f.progress)]),
    );
  }
  if (tables.includes('children') && d.children.length) {
    const codes = Object.keys(d.children[0].values);
    sheet(
      wb,
      t('indicators.report.sheetChildren'),
      [t('indicators.node'), ...codes.map((c) => d.figures.find((f) => f.code === c && f.breakdown === '')?.name ?? c)],
      d.children.map((c) => [c.name, ...codes.map((k) => c.values[k])]),
    );
  }
  if (tables.includes('ranking') && d.rank.items.length) {
    sheet(
      wb,
      t('indicators.rank'),
      [t('indicators.rank'), t('indicators.node'), titleWithUnit(d.rank.name, d.rank.unit), t('indicators.lastYear')],
      d.rank.items.map((i) => [i.rank, i.name, i.value, i.lastYear]),
    );
  }
  if (tables.includes('targets')) {
    sheet(
      wb,
      t('indicators.report.sheetTargets'),
      [t('indicators.indicator'), t('indicators.target'), d.periodLabel, `${t('indicators.progress')}(%)`, t('common.status')],
      d.figures
        .filter((f) => f.target != null)
        .map((f) => [f.name, f.target, f.value, pct(f.progress), f.behind ? t('indicators.behind') : t('indicators.onTrack')]),
    );
  }
  if (wb.worksheets.length === 0) sheet(wb, t('indicators.report.sheetFigures'), [t('common.noData')], []);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
