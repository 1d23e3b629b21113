// Indicators API: catalogue, dashboard, targets (目标任务), reported figures (指标填报) and report jobs.
import { z } from 'zod';
import { PERIOD_PATTERN } from '../indicators/periods';
import { DivisionCode, IdParam, IsoDate, Ok } from './common';
import { endpoint } from './endpoint';

/** A node of the two roll-up trees: `all`, a division `d:<significant prefix>` or a team `t:<id>`. */
export const NodeKey = z
  .string()
  .regex(/^(all|d:\d{2}(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?|t:\d{1,9})$/, { message: 'indicators.validation.node' });
export const PeriodKey = z.string().regex(PERIOD_PATTERN, { message: 'indicators.validation.period' });
const IndicatorCode = z.string().min(1).max(80);

export const CatalogueItem = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  measure: z.string(),
  group: z.string(),
  source: z.string().nullable(),
  wired: z.boolean(), // the source's tables exist and feed the aggregates
  kpi: z.boolean(),
  money: z.boolean(),
  breakdowns: z.array(z.object({ key: z.string(), name: z.string() })),
});

export const DashboardQuery = z.strictObject({
  node: NodeKey.optional(),
  period: PeriodKey,
  rank: IndicatorCode.optional(), // the indicator ranked among children and coloured on the map
});

export const NodeRef = z.object({
  node: z.string(),
  name: z.string(),
  kind: z.enum(['all', 'division', 'team']),
  hasChildren: z.boolean(),
});

/** The dashboard's node picker: the top nodes of the user's scope in one tree and their children, or nodes found by name. */
export const NodesQuery = z.strictObject({
  tree: z.enum(['division', 'team']).optional(),
  q: z.string().trim().max(50).optional(),
  node: NodeKey.optional(), // a node to name as well (the one selected)
});
export const NodeOption = NodeRef.extend({ path: z.string() }); // path: the names above it (丙村镇 ← 梅县区 ← 梅州市)
export const NodeList = z.object({ opening: z.string(), current: NodeOption.nullable(), items: z.array(NodeOption) });
export type NodeOptionT = z.infer<typeof NodeOption>;

export const Figure = z.object({
  code: z.string(),
  breakdown: z.string(), // '' = the total, else a 其中 key
  name: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  lastYear: z.number().nullable(),
  change: z.number().nullable(),
  changePct: z.number().nullable(), // 0.125 = +12.5 %
  target: z.number().nullable(),
  progress: z.number().nullable(), // value / target
  behind: z.boolean().nullable(), // progress below the elapsed share of the period
});

export const Dashboard = z.object({
  node: NodeRef,
  breadcrumbs: z.array(NodeRef),
  period: z.string(),
  periodLabel: z.string(),
  lastYearPeriod: z.string(),
  elapsed: z.number(),
  figures: z.array(Figure),
  trend: z.object({
    months: z.array(z.string()),
    series: z.array(
      z.object({ code: z.string(), name: z.string(), current: z.array(z.number().nullable()), lastYear: z.array(z.number().nullable()) }),
    ),
  }),
  rank: z.object({
    code: z.string(),
    name: z.string(),
    unit: z.string(),
    items: z.array(
      z.object({
        node: z.string(),
        name: z.string(),
        value: z.number().nullable(),
        lastYear: z.number().nullable(),
        rank: z.number().int(),
      }),
    ),
  }),
  children: z.array(z.object({ ...NodeRef.shape, values: z.record(z.string(), z.number().nullable()) })),
  // the rank indicator by city (echarts-map has city outlines for 广东/广西/贵州): 6-digit GB/T 2260 codes
  map: z.object({ cities: z.array(z.object({ code: z.string(), node: z.string(), value: z.number().nullable() })) }),
  refreshedAt: z.string().nullable(),
  pending: z.number().int(), // changes not yet aggregated
});

export const TargetRow = z.object({
  id: z.number().int(),
  node: z.string(),
  nodeName: z.string(),
  indicator: z.string(),
  indicatorName: z.string(),
  period: z.string(),
  value: z.number(),
  actual: z.number().nullable(),
  progress: z.number().nullable(),
  behind: z.boolean().nullable(),
  parentId: z.number().int().nullable(),
});

export const TargetsQuery = z.strictObject({ node: NodeKey.optional(), period: PeriodKey.optional() });

export const UpsertTarget = z.strictObject({
  node: NodeKey,
  indicator: IndicatorCode,
  period: PeriodKey,
  value: z.number().min(0).max(1e15),
});

/** 目标分解: the parent's target split among its children. */
export const SplitTarget = z.strictObject({
  node: NodeKey,
  indicator: IndicatorCode,
  period: PeriodKey,
  children: z
    .array(z.strictObject({ node: NodeKey, value: z.number().min(0).max(1e15) }))
    .min(1)
    .max(500),
});

/** 指标填报: a figure no module holds yet (e.g. order-class graduates), for a division or team and a day. */
export const ReportedValueInput = z.strictObject({
  indicator: IndicatorCode,
  divisionCode: DivisionCode,
  teamId: z.number().int().positive().nullable().optional(),
  day: IsoDate,
  value: z.number().min(0).max(1e15),
  tags: z.array(z.string().max(60)).max(10).optional(),
  note: z.string().max(500).optional(),
});

export const CreateReport = z.strictObject({
  node: NodeKey,
  period: PeriodKey,
  format: z.enum(['docx', 'xlsx']),
});

export const ReportJob = z.object({
  id: z.number().int(),
  node: z.string(),
  period: z.string(),
  format: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.number().int(),
  fileName: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export type DashboardT = z.infer<typeof Dashboard>;
export type FigureT = z.infer<typeof Figure>;
export type TargetRowT = z.infer<typeof TargetRow>;
export type ReportJobT = z.infer<typeof ReportJob>;
export type CatalogueItemT = z.infer<typeof CatalogueItem>;
export type NodeRefT = z.infer<typeof NodeRef>;

/** The module's ledgers (台账): keys of /api/ledgers/<key>, used by server and web alike. */
export const INDICATOR_LEDGERS = { reported: 'indicator-reported', targets: 'indicator-targets' } as const;

// ---- endpoints: what the web may call (checked against the server's routes by endpoints.test.ts) ----

/** The dashboard's tables as a workbook: figures, children, ranking, targets, or all of them. */
export const IndicatorExportQuery = z.strictObject({
  node: NodeKey,
  period: PeriodKey,
  rank: z.string().max(80).optional(),
  table: z.enum(['figures', 'children', 'ranking', 'targets', 'all']),
});

export const indicatorsApi = {
  catalogue: endpoint('GET', '/api/indicators/catalogue', { response: z.array(CatalogueItem) }),
  dashboard: endpoint('GET', '/api/indicators/dashboard', { query: DashboardQuery, response: Dashboard }),
  nodes: endpoint('GET', '/api/indicators/nodes', { query: NodesQuery, response: NodeList }),
  export: endpoint('GET', '/api/indicators/export', { query: IndicatorExportQuery, file: true }),
  targets: endpoint('GET', '/api/indicators/targets', { query: TargetsQuery, response: z.array(TargetRow) }),
  putTarget: endpoint('PUT', '/api/indicators/targets', { body: UpsertTarget, response: z.object({ id: z.number().int() }) }),
  splitTarget: endpoint('POST', '/api/indicators/targets/split', {
    body: SplitTarget,
    response: z.object({ ids: z.array(z.number().int()) }),
  }),
  deleteTarget: endpoint('DELETE', '/api/indicators/targets/:id', { params: IdParam, response: Ok }),
  reportValue: endpoint('POST', '/api/indicators/reported', { body: ReportedValueInput, response: z.object({ id: z.number().int() }) }),
  createReport: endpoint('POST', '/api/indicators/reports', { body: CreateReport, response: z.object({ id: z.number().int() }) }),
  reports: endpoint('GET', '/api/indicators/reports', { response: z.array(ReportJob) }),
  reportJob: endpoint('GET', '/api/indicators/reports/:id', { params: IdParam, response: ReportJob }),
  reportFile: endpoint('GET', '/api/indicators/reports/:id/file', { params: IdParam, file: true }),
} as const;
