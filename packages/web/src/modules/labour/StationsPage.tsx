// 劳务工作站 and 劳务品牌: each with the people counted on the server from the records naming it — placed through
// a station (distinct persons, at work now, 其中脱贫人口); trained (人次) and employed under a brand. New and edit
// by form; stations also by the 劳务工作站台账.
import { useQueryClient } from '@tanstack/react-query';
import { type BrandRow, LABOUR_LEDGERS, labourApi, type StationRow } from '@xiezuo/shared/contracts/labour';
import { Button, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useAuth } from '../../app/auth';
import { formatCount, formatDate } from '../../app/format';
import { editColumn, ListPage } from '../../platform/ListPage';
import { type FiltersOf, useFilters, usePagedQuery } from '../../platform/usePagedQuery';
import { BrandForm, StationForm } from './StationForms';

type Station = z.infer<typeof StationRow>;
type Brand = z.infer<typeof BrandRow>;

/** The form's state: closed, new (null) or editing a row. */
function useEditing<R>() {
  const [editing, setEditing] = useState<R | null | false>(false);
  return {
    editing,
    open: editing !== false,
    row: editing || null,
    create: () => setEditing(null),
    edit: setEditing,
    close: () => setEditing(false),
  };
}

function Search({ placeholder, onSearch, hint }: { placeholder: string; onSearch: (q: string | undefined) => void; hint: string }) {
  return (
    <>
      <Input.Search allowClear placeholder={placeholder} onSearch={(v) => onSearch(v.trim() || undefined)} style={{ width: 220 }} />
      <Typography.Text type="secondary">{hint}</Typography.Text>
    </>
  );
}

export function StationsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const client = useQueryClient();
  const form = useEditing<Station>();
  const [f, set] = useFilters<FiltersOf<typeof labourApi.stations>>({});
  const list = usePagedQuery(labourApi.stations, { key: ['labour', 'stations'], filters: f });
  const refresh = () => void client.invalidateQueries({ queryKey: ['labour'] });
  return (
    <ListPage
      title={t('labour.stations.title')}
      ledger={{ key: LABOUR_LEDGERS.stations, filters: {}, exportLabel: t('common.export'), import: { permission: 'labour.write' } }}
      actions={
        can('labour.write') && (
          <Button type="primary" onClick={form.create}>
            {t('labour.stations.new')}
          </Button>
        )
      }
      filters={<Search placeholder={t('labour.stations.search')} onSearch={(q) => set({ q })} hint={t('labour.stations.hint')} />}
      list={list}
      scroll={{ x: 1000 }}
      columns={[
        { title: t('labour.nav.stations'), dataIndex: 'name', fixed: 'left', width: 180 },
        { title: t('labour.fields.stationPlace'), render: (_, r: Station) => r.divisionName ?? r.divisionCode },
        { title: t('labour.fields.served'), render: (_, r: Station) => r.servedNames.join('、') },
        { title: t('labour.fields.establishedOn'), render: (_, r: Station) => (r.establishedOn ? formatDate(r.establishedOn) : '—') },
        { title: t('labour.fields.placed'), align: 'right', render: (_, r: Station) => formatCount(r.placed) },
        { title: t('labour.fields.placedNow'), align: 'right', render: (_, r: Station) => formatCount(r.placedNow) },
        { title: t('labour.fields.ofWhomLifted'), align: 'right', render: (_, r: Station) => formatCount(r.lifted) },
        ...(can('labour.write') ? [editColumn<Station>(t, form.edit)] : []),
      ]}
    >
      <StationForm
        open={form.open}
        row={form.row}
        onClose={form.close}
        onSaved={() => {
          form.close();
          refresh();
        }}
      />
    </ListPage>
  );
}

export function BrandsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const client = useQueryClient();
  const form = useEditing<Brand>();
  const [f, set] = useFilters<FiltersOf<typeof labourApi.brands>>({});
  const list = usePagedQuery(labourApi.brands, { key: ['labour', 'brands'], filters: f });
  const refresh = () => void client.invalidateQueries({ queryKey: ['labour'] });
  return (
    <ListPage
      title={t('labour.brands.title')}
      actions={
        can('labour.write') && (
          <Button type="primary" onClick={form.create}>
            {t('labour.brands.new')}
          </Button>
        )
      }
      filters={<Search placeholder={t('labour.brands.search')} onSearch={(q) => set({ q })} hint={t('labour.brands.hint')} />}
      list={list}
      scroll={{ x: 900 }}
      columns={[
        { title: t('labour.nav.brands'), dataIndex: 'name', fixed: 'left', width: 150 },
        { title: t('labour.fields.brandCounty'), render: (_, r: Brand) => r.divisionName ?? r.divisionCode },
        { title: t('labour.fields.brandTrainees'), align: 'right', render: (_, r: Brand) => formatCount(r.trainees) },
        { title: t('labour.fields.ofWhomLifted'), align: 'right', render: (_, r: Brand) => formatCount(r.traineesLifted) },
        { title: t('labour.fields.brandEmployed'), align: 'right', render: (_, r: Brand) => formatCount(r.employed) },
        { title: t('labour.fields.placedNow'), align: 'right', render: (_, r: Brand) => formatCount(r.employedNow) },
        { title: t('labour.fields.ofWhomLifted'), align: 'right', render: (_, r: Brand) => formatCount(r.employedLifted) },
        { title: t('labour.fields.note'), render: (_, r: Brand) => r.note ?? '' },
        ...(can('labour.write') ? [editColumn<Brand>(t, form.edit)] : []),
      ]}
    >
      <BrandForm
        open={form.open}
        row={form.row}
        onClose={form.close}
        onSaved={() => {
          form.close();
          refresh();
        }}
      />
    </ListPage>
  );
}
