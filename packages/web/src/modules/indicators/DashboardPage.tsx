// 数据看板: KPI cards with the same period last year, trend, progress gauges, ranking of the children
// ("亮成绩比进度"), a city map coloured by any indicator, and the children table; drill down by clicking.
import { DownloadOutlined, FileWordOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { QueryOf } from '@xiezuo/shared/contracts/endpoint';
import { type DashboardT, type FigureT, indicatorsApi } from '@xiezuo/shared/contracts/indicators';
import { formatAmount, formatAmountBrief, formatChange, formatPercent, titleWithUnit, unitFor, withUnit } from '@xiezuo/shared/format';
import { parsePeriod } from '@xiezuo/shared/indicators/periods';
import {
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Empty,
  Grid,
  Progress,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { call, download } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatMoment } from '../../app/format';
import { useDashboardPanels } from '../../app/modules';
import { Chart } from './Chart';
import { gaugeOption, rankingOption, trendOption } from './charts';
import { NodeSelect } from './NodeSelect';
import { defaultPeriod, PeriodPicker } from './PeriodPicker';

const isRatio = (f: Pick<FigureT, 'unit'>) => f.unit === '%';
/** Money is kept in 元 and shown as people read it (1.78亿元, 55万元); the unit says the language. */
const isMoney = (f: Pick<FigureT, 'unit'>) => f.unit === '元' || f.unit === 'yuan';
/** A figure's value as shown; money at a glance (`brief`: 1.68亿元 on the cards and the children's table) or exact
 * (1.6775亿元, the figures table and a card's tooltip). */
export const showValue = (f: Pick<FigureT, 'unit'>, v: number | null, brief = false) =>
  v == null
    ? '—'
    : isRatio(f)
      ? formatPercent(v)
      : isMoney(f)
        ? brief
          ? formatAmountBrief(v, f.unit === 'yuan' ? 'en' : 'zh-CN')
          : formatAmount(v, undefined, f.unit === 'yuan' ? 'en' : 'zh-CN')
        : v.toLocaleString('zh-CN');
/** A value with its unit, unless the value already carries it (percent, money). */
const withOwnUnit = (f: Pick<FigureT, 'unit'>, v: number | null) =>
  isRatio(f) || isMoney(f) ? showValue(f, v) : withUnit(showValue(f, v), f.unit);

function Change({ f, wired }: { f: FigureT; wired: boolean }) {
  const { t } = useTranslation();
  if (!wired) return <Typography.Text type="secondary">{t('indicators.noSource')}</Typography.Text>;
  const pct = f.changePct;
  const color = pct == null ? 'default' : pct > 0 ? 'red' : pct < 0 ? 'green' : 'default';
  return (
    <Space size={4} wrap>
      <Typography.Text type="secondary">
        {t('indicators.lastYear')} {showValue(f, f.lastYear, true)}
      </Typography.Text>
      <Tag color={color} style={{ marginInlineEnd: 0 }}>
        {t('indicators.change')} {formatChange(pct)}
      </Tag>
    </Space>
  );
}

/** A distinct count (persons, households) over a custom range that is not one stored period: not additive. */
const notForRange = (f: FigureT, wired: boolean, period: string) => wired && f.value == null && period.startsWith('C');

function KpiCard({ f, wired, period }: { f: FigureT; wired: boolean; period: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid={`kpi-${f.code}`}>
      <Statistic
        title={f.name}
        value={showValue(f, f.value, true)}
        // the exact amount on hover: 1.68亿元 is 1.6775亿元
        valueRender={isMoney(f) ? (node) => <span title={showValue(f, f.value)}>{node}</span> : undefined}
        suffix={isRatio(f) || isMoney(f) || f.value == null ? undefined : unitFor(showValue(f, f.value), f.unit)}
      />
      {notForRange(f, wired, period) ? (
        <Typography.Text type="secondary">{t('indicators.distinctNotForRange')}</Typography.Text>
      ) : (
        <Change f={f} wired={wired} />
      )}
      {f.target != null && (
        <div style={{ marginTop: 6 }}>
          <Progress percent={Math.round((f.progress ?? 0) * 1000) / 10} size="small" status={f.behind ? 'exception' : 'normal'} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('indicators.target')} {showValue(f, f.target, true)} {f.behind ? <Tag color="orange">{t('indicators.behind')}</Tag> : null}
          </Typography.Text>
        </div>
      )}
    </Card>
  );
}

/** Nothing to show this period: zero, no value (a rate of nothing) or no source; nothing last year; no target. */
const isQuiet = (f: FigureT, wired: boolean, period: string) =>
  (!wired || f.value === 0 || (f.value == null && !notForRange(f, wired, period))) && !f.lastYear && f.target == null;

/**
 * The KPI cards of one module (监测帮扶, 资金与项目 …) under its name. A node with no such work (a Guangdong
 * town on industry) would otherwise show a wall of zero cards: those fold into one line, shown on demand.
 */
function KpiGroup({
  group,
  figures,
  wiredOf,
  period,
}: {
  group: string;
  figures: FigureT[];
  wiredOf: (code: string) => boolean;
  period: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const quiet = figures.filter((f) => isQuiet(f, wiredOf(f.code), period));
  const shown = open ? figures : figures.filter((f) => !quiet.includes(f));
  const toggle = quiet.length ? (
    <Button type="link" size="small" onClick={() => setOpen(!open)} data-testid={`kpi-fold-${group}`}>
      {open ? t('indicators.hideZeros') : t('indicators.showZeros')}
    </Button>
  ) : null;
  return (
    <Card
      size="small"
      title={t(`${group}.nav.root`, { defaultValue: group })}
      extra={
        quiet.length ? (
          <Space size={4}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(quiet.length === figures.length ? 'indicators.noneInGroup' : 'indicators.zeroFolded', { n: quiet.length })}
            </Typography.Text>
            {toggle}
          </Space>
        ) : undefined
      }
      styles={{ body: shown.length ? undefined : { display: 'none' } }}
      data-testid={`kpi-group-${group}`}
    >
      <Row gutter={[12, 12]}>
        {shown.map((f) => (
          <Col key={f.code} xs={12} lg={6}>
            <KpiCard f={f} wired={wiredOf(f.code)} period={period} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

// the map (its ECharts parts and the province outlines) is a chunk of its own: a phone loads it only when asked
const MapCardBody = lazy(() => import('./MapCard'));

export function DashboardPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? defaultPeriod();
  const node = params.get('node') ?? undefined;
  const rank = params.get('rank') ?? undefined;
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) v == null ? next.delete(k) : next.set(k, v);
    setParams(next);
  };
  const query = { period, node, rank };
  const {
    data: d,
    isLoading,
    isPlaceholderData,
  } = useQuery({
    queryKey: ['indicators', 'dashboard', query],
    queryFn: () => call(indicatorsApi.dashboard, { query }),
    // a change shows within seconds; an unchanged poll is a 304 (the server sends an ETag, the browser revalidates)
    refetchInterval: 5000,
    // a drill-down or another period keeps the figures shown until the new ones arrive
    placeholderData: keepPreviousData,
  });
  const wide = Grid.useBreakpoint().md ?? true;
  const [mapAsked, setMapAsked] = useState(false);
  const { data: catalogue } = useQuery({ queryKey: ['indicators', 'catalogue'], queryFn: () => call(indicatorsApi.catalogue) });
  // other modules' panels (the assessment's agreement progress), each for the users its permission names
  const panels = useDashboardPanels().filter((p) => !p.permission || can(p.permission));

  const kpis = useMemo(() => {
    const codes = new Set(catalogue?.filter((c) => c.kpi).map((c) => c.code));
    return d?.figures.filter((f) => f.breakdown === '' && codes.has(f.code)) ?? [];
  }, [d, catalogue]);
  // the cards by module, in the catalogue's (module) order
  const groups = useMemo(() => {
    const groupOf = new Map(catalogue?.map((c) => [c.code, c.group]));
    const byGroup = new Map<string, FigureT[]>();
    for (const f of kpis) {
      const g = groupOf.get(f.code) ?? '';
      byGroup.set(g, [...(byGroup.get(g) ?? []), f]);
    }
    return [...byGroup];
  }, [kpis, catalogue]);
  const wiredOf = useCallback((code: string) => catalogue?.find((c) => c.code === code)?.wired ?? true, [catalogue]);
  // the children's table shows the figures some child has (and the ranked one), not a column of zeros per module
  const childColumns = useMemo(
    () => kpis.filter((f) => f.code === d?.rank.code || d?.children.some((c) => (c.values[f.code] ?? 0) !== 0)),
    [kpis, d],
  );
  const withTargets = useMemo(() => d?.figures.filter((f) => f.target != null) ?? [], [d]);
  const t2 = useCallback((k: string, o?: Record<string, unknown>) => String(t(k, o as never)), [t]);
  const trend = useMemo(() => (d ? trendOption(d, d.rank.code, t2) : {}), [d, t2]);
  const ranking = useMemo(() => (d ? rankingOption(d, t2) : {}), [d, t2]);
  const gauges = useMemo(() => (d ? gaugeOption(withTargets, d.elapsed, t2) : {}), [d, withTargets, t2]);

  if (isLoading || !d) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  const name = `${d.node.name}${d.periodLabel}`;
  const exportTable = (table: QueryOf<typeof indicatorsApi.export>['table']) =>
    download(indicatorsApi.export, { query: { node: d.node.node, period, table, rank: d.rank.code } }, `${name}.xlsx`);
  const report = async () => {
    await call(indicatorsApi.createReport, { body: { node: d.node.node, period, format: 'docx' } });
    message.success(t('indicators.reportQueued'));
  };
  const drill = (to: string) => set({ node: to });

  return (
    <Space
      direction="vertical"
      size={12}
      style={{ width: '100%', opacity: isPlaceholderData ? 0.6 : 1, transition: 'opacity 0.2s' }}
      data-testid="dashboard"
      data-loading={isPlaceholderData ? 'true' : undefined}
    >
      <Card size="small">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space direction="vertical" size={2}>
            <Breadcrumb items={d.breadcrumbs.map((b) => ({ title: <NodeLink node={b.node} onOpen={drill} name={b.name} /> }))} />
            <Typography.Title level={4} style={{ margin: 0 }}>
              {d.node.name} · {d.periodLabel}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {d.refreshedAt ? t('indicators.refreshedAt', { at: formatMoment(d.refreshedAt) }) : ''}
              {d.pending ? ` · ${t('indicators.pending', { n: d.pending })}` : ''}
            </Typography.Text>
          </Space>
          <Space wrap>
            <NodeSelect value={d.node.node} onChange={drill} />
            <PeriodPicker value={period} onChange={(p) => set({ period: p })} />
            {can('reports.generate') && (
              <Button icon={<FileWordOutlined />} onClick={report} data-testid="make-report">
                {t('indicators.openReport')}
              </Button>
            )}
            {can('ledgers.export') && (
              <Button icon={<DownloadOutlined />} onClick={() => exportTable('all')}>
                {t('indicators.exportXlsx')}
              </Button>
            )}
          </Space>
        </Space>
      </Card>

      {groups.map(([group, figures]) => (
        <KpiGroup key={group} group={group} figures={figures} wiredOf={wiredOf} period={d.period} />
      ))}

      {panels.map(({ key, component: Panel }) => (
        <Suspense key={key} fallback={null}>
          <Panel node={d.node.node} period={d.period} year={Number(parsePeriod(d.period).end.slice(0, 4))} />
        </Suspense>
      ))}

      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={`${t('indicators.trend')} · ${d.rank.name}`}>
            <Chart option={trend} name={`${name}-trend`} testId="trend-chart" />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('indicators.gauge')}>
            {withTargets.length ? (
              <Chart option={gauges} name={`${name}-progress`} testId="gauge-chart" />
            ) : (
              <Empty style={{ height: 248 }} description={t('indicators.noTargets')} />
            )}
          </Card>
        </Col>
      </Row>

      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('indicators.ranking', { name: d.rank.name })}
            extra={
              <Select
                size="small"
                style={{ width: 170 }}
                value={d.rank.code}
                onChange={(v) => set({ rank: v })}
                options={catalogue?.filter((c) => c.measure !== 'stock' || c.kpi).map((c) => ({ value: c.code, label: c.name }))}
                data-testid="rank-select"
              />
            }
          >
            {d.rank.items.length ? (
              <Chart
                option={ranking}
                name={`${name}-ranking`}
                height={Math.max(240, d.rank.items.length * 34 + 80)}
                testId="ranking-chart"
                onClick={(p) => {
                  const item = [...d.rank.items].reverse()[p.dataIndex];
                  if (item) drill(item.node);
                }}
              />
            ) : (
              <Empty style={{ height: 220 }} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('indicators.map', { name: d.rank.name })}>
            {wide || mapAsked ? (
              <Suspense fallback={<Spin style={{ display: 'block', margin: '150px auto' }} />}>
                <MapCardBody d={d} name={`${name}-map`} onOpen={drill} />
              </Suspense>
            ) : (
              <Button block onClick={() => setMapAsked(true)} data-testid="show-map">
                {t('indicators.showMap')}
              </Button>
            )}
          </Card>
        </Col>
      </Row>

      <Card
        size="small"
        title={t('indicators.children')}
        extra={
          can('ledgers.export') && (
            <Button size="small" icon={<DownloadOutlined />} onClick={() => exportTable('children')}>
              {t('indicators.exportXlsx')}
            </Button>
          )
        }
      >
        <Table
          size="small"
          rowKey="node"
          scroll={{ x: true }}
          pagination={false}
          dataSource={d.children}
          data-testid="children-table"
          columns={[
            {
              title: t('indicators.node'),
              dataIndex: 'name',
              fixed: 'left',
              render: (v: string, r) => <NodeLink node={r.node} onOpen={drill} name={v} />,
            },
            ...childColumns.map((f) => ({
              title: isMoney(f) ? f.name : titleWithUnit(f.name, f.unit),
              key: f.code,
              align: 'right' as const,
              render: (_: unknown, r: DashboardT['children'][number]) => showValue(f, r.values[f.code] ?? null, true),
            })),
          ]}
        />
      </Card>

      <Card
        size="small"
        title={t('indicators.report.sheetFigures')}
        extra={
          can('ledgers.export') && (
            <Button size="small" icon={<DownloadOutlined />} onClick={() => exportTable('figures')}>
              {t('indicators.exportXlsx')}
            </Button>
          )
        }
      >
        <Table
          size="small"
          rowKey={(r) => `${r.code}|${r.breakdown}`}
          scroll={{ x: true }}
          pagination={false}
          dataSource={d.figures.filter((f) => f.value != null)}
          footer={
            d.period.startsWith('C') && d.figures.some((f) => f.value == null)
              ? () => <Typography.Text type="secondary">{t('indicators.distinctNotForRange')}</Typography.Text>
              : undefined
          }
          columns={[
            {
              title: t('indicators.indicator'),
              dataIndex: 'name',
              // a 其中 row shows only its own part, indented under its total
              render: (v: string, r) => {
                if (!r.breakdown) return v;
                const base = d.figures.find((x) => x.code === r.code && x.breakdown === '')?.name ?? '';
                return <span style={{ paddingLeft: 16 }}>{v.startsWith(base) ? v.slice(base.length).replace(/^, /, '') : v}</span>;
              },
            },
            // a figure is not broken over two lines (3,000 / 元 on a phone): the table scrolls instead
            {
              title: d.periodLabel,
              align: 'right',
              render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{withOwnUnit(r, r.value)}</span>,
            },
            {
              title: t('indicators.lastYear'),
              align: 'right',
              render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{showValue(r, r.lastYear)}</span>,
            },
            { title: t('indicators.change'), align: 'right', render: (_, r) => formatChange(r.changePct) },
            { title: t('indicators.target'), align: 'right', render: (_, r) => showValue(r, r.target) },
            {
              title: t('indicators.progress'),
              align: 'right',
              render: (_, r) => (r.progress == null ? '—' : <Tag color={r.behind ? 'orange' : 'green'}>{formatPercent(r.progress)}</Tag>),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

/** A link to another node of the dashboard: a real address (it opens in a new tab too), followed in place. */
function NodeLink({ node, name, onOpen }: { node: string; name: string; onOpen: (node: string) => void }) {
  const href = `?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(window.location.search)), node })}`;
  return (
    <a
      href={href}
      onClick={(e) => {
        e.preventDefault();
        onOpen(node);
      }}
    >
      {name}
    </a>
  );
}
