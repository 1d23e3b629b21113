// 结对关系: the list with filters (type, programme, division, name, status, "as of" a day — kept in the
// URL so the map can link here), counts by type, and for writers a new-pairing form and "end pairing".
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { PAIRING_STATUSES, type PairingType, registryApi } from '@xiezuo/shared/contracts/registry';
import { Button, Card, Col, DatePicker, Input, Popconfirm, Row, Select, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatDate, formatTableDate } from '../../app/format';
import { ListPage } from '../../platform/ListPage';
import { usePagedQuery, useUrlFilters } from '../../platform/usePagedQuery';
import type { PairingRow } from './data';
import { AsOfPicker, DivisionPicker, ProgrammeSelect, TypeSelect } from './Options';
import { PairingForm } from './PairingForm';

const STATUS_COLOR = { planned: 'default', active: 'green', ended: 'red' } as const;
const FILTERS = ['type', 'programmeId', 'division', 'unitId', 'q', 'asOf', 'status'] as const;

/** The filters as the URL holds them (strings): the list's query, and the links of the map and the divisions. */
type Filters = Partial<Record<(typeof FILTERS)[number], string>> & { type?: PairingType; status?: (typeof PAIRING_STATUSES)[number] };

/** Counts by type of what the list shows for the same filters; with no status and no day, of those in force today. */
function Counts({ filters }: { filters: Filters }) {
  const { t } = useTranslation();
  const { data } = useQuery({
    queryKey: ['registry', 'counts', filters],
    queryFn: () => call(registryApi.pairingCounts, { query: filters }),
  });
  const day = formatDate(filters.asOf ?? dayjs().format('YYYY-MM-DD'));
  const title =
    filters.status && !filters.asOf
      ? t('registry.pairings.countsTitleStatus', { status: t(`registry.statuses.${filters.status}`), day })
      : t('registry.pairings.countsTitle', { day });
  return (
    <Card size="small" title={title} style={{ marginBottom: 12 }} data-testid="pairing-counts">
      <Row gutter={[12, 12]}>
        {(data ?? []).map((c) => (
          <Col key={c.type} xs={12} sm={8} md={6} lg={4}>
            <Statistic
              title={t(`registry.pairingTypes.${c.type}`)}
              value={c.pairings}
              suffix={<span style={{ fontSize: 12 }}>{t('registry.pairings.countSuffix', { helpers: c.helpers, helped: c.helped })}</span>}
            />
          </Col>
        ))}
        {data?.length === 0 && (
          <Col span={24}>
            <Typography.Text type="secondary">{t('registry.pairings.countsNone')}</Typography.Text>
          </Col>
        )}
      </Row>
    </Card>
  );
}

export function PairingsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [urlFilters, set] = useUrlFilters(FILTERS);
  const f = urlFilters as Filters;
  const list = usePagedQuery(registryApi.pairings, { key: ['registry', 'pairings'], filters: f });
  const refresh = () => client.invalidateQueries({ queryKey: ['registry'] });
  const end = async (r: PairingRow, day: string) => {
    await call(registryApi.updatePairing, { params: { id: r.id }, body: { endDate: day } });
    refresh();
  };

  return (
    <>
      <Counts filters={f} />
      <ListPage
        title={t('registry.pairings.title')}
        actions={
          can('registry.write') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('registry.pairings.create')}
            </Button>
          )
        }
        filters={
          <>
            <TypeSelect value={f.type} onChange={(v) => set({ type: v })} />
            <ProgrammeSelect value={f.programmeId ? Number(f.programmeId) : undefined} onChange={(v) => set({ programmeId: v })} />
            <DivisionPicker value={f.division} onChange={(v) => set({ division: v })} />
            <Input.Search
              allowClear
              defaultValue={f.q}
              placeholder={t('registry.pairings.searchPlaceholder')}
              onSearch={(v) => set({ q: v.trim() })}
              style={{ width: 200 }}
            />
            <Select
              allowClear
              placeholder={t('registry.fields.status')}
              value={f.status}
              onChange={(v) => set({ status: v })}
              style={{ width: 110 }}
              options={PAIRING_STATUSES.map((s) => ({ value: s, label: t(`registry.statuses.${s}`) }))}
            />
            <AsOfPicker value={f.asOf} onChange={(v) => set({ asOf: v })} />
          </>
        }
        list={list}
        scroll={{ x: 900 }}
        columns={[
          { title: t('registry.fields.type'), width: 100, render: (_, r) => t(`registry.pairingTypes.${r.type}`) },
          { title: t('registry.fields.helper'), render: (_, r) => r.helper.label },
          { title: t('registry.fields.helped'), render: (_, r) => r.helped.label },
          { title: t('registry.fields.programme'), dataIndex: 'programmeName' },
          {
            title: t('registry.fields.period'),
            width: 230,
            render: (_, r) => `${formatTableDate(r.startDate)} – ${r.endDate ? formatTableDate(r.endDate) : ''}`,
          },
          {
            title: t('registry.fields.status'),
            width: 80,
            render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`registry.statuses.${r.status}`)}</Tag>,
          },
          ...(can('registry.write')
            ? [
                {
                  title: t('common.actions'),
                  width: 100,
                  render: (_: unknown, r: PairingRow) =>
                    r.status === 'active' && !r.endDate ? (
                      <Popconfirm
                        title={<DatePicker id={`end-${r.id}`} onChange={(d) => d && end(r, d.format('YYYY-MM-DD'))} />}
                        showCancel={false}
                        okButtonProps={{ style: { display: 'none' } }}
                      >
                        <Button size="small">{t('registry.pairings.end')}</Button>
                      </Popconfirm>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <PairingForm
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          refresh();
        }}
      />
    </>
  );
}
