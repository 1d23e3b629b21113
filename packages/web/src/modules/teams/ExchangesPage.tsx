// 人才交流台账: the summary ("广东派出到广西 党政干部 376 人次、专业技术人才 3523 人次") for a pair of sides
// and a period, then the records themselves, exportable as a ledger.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryOf } from '@xiezuo/shared/contracts/endpoint';
import { EXCHANGE_GROUPS, EXCHANGE_KINDS, type ExchangeKind, TEAMS_LEDGERS, teamsApi } from '@xiezuo/shared/contracts/teams';
import { Button, Card, Col, DatePicker, Row, Select, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatCount } from '../../app/format';
import { ListPage } from '../../platform/ListPage';
import { usePagedQuery } from '../../platform/usePagedQuery';
import { type ExchangeRow, type ExchangeSummary, periodText } from './data';
import { ExchangePersons } from './ExchangePersons';
import { ExchangeForm } from './forms';

const PROVINCES = ['440000000000', '450000000000', '520000000000'];

function Tally({ title, tally }: { title: string; tally?: ExchangeSummary['sent'] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title}>
      <Row gutter={[12, 12]}>
        {EXCHANGE_GROUPS.map((g) => (
          <Col key={g} xs={12} sm={8}>
            <Statistic
              title={t(`teams.exchangeGroups.${g}`)}
              value={tally?.byGroup[g] ?? 0}
              formatter={(v) => formatCount(Number(v))}
              suffix={<span style={{ fontSize: 12 }}>{t('teams.fields.personTimes')}</span>}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function Summary() {
  const { t } = useTranslation();
  const [q, setQ] = useState<QueryOf<typeof teamsApi.exchangeSummary>>({
    side: PROVINCES[0],
    other: PROVINCES[1],
    from: '2021-01-01',
    to: undefined,
  });
  const { data } = useQuery({ queryKey: ['teams', 'exchange-summary', q], queryFn: () => call(teamsApi.exchangeSummary, { query: q }) });
  const name = (code?: string) => (code ? t(`teams.provinces.${code}`, { defaultValue: code }) : t('teams.exchanges.anywhere'));
  const provinceOptions = PROVINCES.map((p) => ({ value: p, label: name(p) }));
  return (
    <Card
      title={t('teams.exchanges.summary')}
      style={{ marginBottom: 12 }}
      extra={
        <Space wrap>
          <Select
            aria-label={t('teams.exchanges.side')}
            value={q.side}
            style={{ width: 150 }}
            options={provinceOptions}
            onChange={(side) => setQ({ ...q, side })}
          />
          ⇄
          <Select
            aria-label={t('teams.exchanges.other')}
            allowClear
            placeholder={t('teams.exchanges.anywhere')}
            value={q.other}
            style={{ width: 150 }}
            options={provinceOptions}
            onChange={(other) => setQ({ ...q, other })}
          />
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            placeholder={[t('teams.exchanges.since'), t('teams.exchanges.until')]}
            value={[q.from ? dayjs(q.from) : null, q.to ? dayjs(q.to) : null]}
            onChange={(v) => setQ({ ...q, from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
          />
        </Space>
      }
    >
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Tally title={t('teams.exchanges.sentTo', { side: name(q.side), other: name(q.other) })} tally={data?.sent} />
        </Col>
        <Col xs={24} lg={12}>
          <Tally title={t('teams.exchanges.receivedFrom', { side: name(q.side), other: name(q.other) })} tally={data?.received} />
        </Col>
        <Col span={24}>
          <Table
            rowKey="year"
            size="small"
            pagination={false}
            dataSource={data?.byYear}
            title={() => t('teams.exchanges.byYear')}
            columns={[
              { title: t('teams.exchanges.year'), dataIndex: 'year' },
              { title: t('teams.exchanges.sent'), render: (_, r) => formatCount(r.sent) },
              { title: t('teams.exchanges.received'), render: (_, r) => formatCount(r.received) },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}

export function ExchangesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [kind, setKind] = useState<ExchangeKind>();
  const [creating, setCreating] = useState(false);
  const [opened, setOpened] = useState<ExchangeRow>();
  const client = useQueryClient();
  const list = usePagedQuery(teamsApi.exchanges, { key: ['teams', 'exchanges'], filters: { kind } });
  // the opened record as the list has it now (its named counts change as persons are added)
  const current = opened && (list.items?.find((r) => r.id === opened.id) ?? opened);
  return (
    <>
      <Summary />
      <ExchangeForm
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          void client.invalidateQueries({ queryKey: ['teams'] });
        }}
      />
      <ExchangePersons exchange={current} onClose={() => setOpened(undefined)} />
      <ListPage
        title={t('teams.exchanges.records')}
        actions={
          <>
            <Select
              allowClear
              placeholder={t('teams.fields.exchangeKind')}
              value={kind}
              style={{ width: 160 }}
              onChange={setKind}
              options={EXCHANGE_KINDS.map((k) => ({ value: k, label: t(`teams.exchangeKinds.${k}`) }))}
            />
            {can('registry.write') && (
              <Button type="primary" onClick={() => setCreating(true)}>
                {t('teams.exchanges.new')}
              </Button>
            )}
          </>
        }
        ledger={{ key: TEAMS_LEDGERS.exchanges, filters: { kind }, exportLabel: t('common.export') }}
        list={list}
        scroll={{ x: 960 }}
        columns={[
          { title: t('teams.exchanges.recordNo'), width: 70, dataIndex: 'id' },
          { title: t('teams.fields.exchangeKind'), render: (_, r) => t(`teams.exchangeKinds.${r.kind}`) },
          {
            title: t('teams.fields.personTimes'),
            align: 'right',
            // what the record counts for: its named trips when it has any, else the typed total (never both)
            render: (_, r) =>
              r.namedTrips ? (
                <Tooltip title={t('teams.exchanges.typed', { n: formatCount(r.personTimes) })}>
                  <Typography.Text strong>{formatCount(r.countedPersonTimes)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {' '}
                    {t('teams.exchanges.namedShort', { n: r.namedPersons })}
                  </Typography.Text>
                </Tooltip>
              ) : (
                formatCount(r.personTimes)
              ),
          },
          { title: t('teams.fields.from'), render: (_, r) => r.fromDivisionName ?? r.fromDivisionCode },
          { title: t('teams.fields.to'), render: (_, r) => r.toDivisionName ?? r.toDivisionCode },
          { title: t('teams.fields.period'), render: (_, r) => periodText(t, r.startDate, r.endDate) },
          { title: t('teams.fields.note'), render: (_, r) => r.note ?? '—' },
          {
            title: '',
            key: 'persons',
            width: 80,
            fixed: 'right',
            render: (_, r) =>
              r.kind !== 'training' && (
                <Button size="small" type="link" onClick={() => setOpened(r)}>
                  {t('teams.exchanges.open')}
                </Button>
              ),
          },
        ]}
      />
    </>
  );
}
