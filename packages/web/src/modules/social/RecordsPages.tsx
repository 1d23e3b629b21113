// The plain ledgers of the module: social funds (认捐/到位, with the projects they paid for), high-level visits
// (互访调研) and publicity (宣传报道) — lists in scope with their filters, entry forms and the ledger's import and export.
import {
  FUND_PURPOSES,
  type FundPurpose,
  MEDIA_LEVELS,
  type MediaLevel,
  SOCIAL_LEDGERS,
  socialApi,
  VISITOR_LEVELS,
  type VisitorLevel,
} from '@xiezuo/shared/contracts/social';
import { Button, Input, Select, Space, Tag } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { formatAmount, formatDate } from '../../app/format';
import { editColumn, ListPage } from '../../platform/ListPage';
import { usePagedQuery } from '../../platform/usePagedQuery';
import { type FundRow, type PublicityRow, placeText, useEditing, useRefresh, useTeamName, type VisitRow } from './data';
import { FundForm, PublicityForm, VisitForm } from './forms';

/** The 登记 button of a list, for writers: opens the list's entry form. */
function NewButton({ label, onClick }: { label: string; onClick: () => void }): ReactNode {
  const { can } = useAuth();
  return (
    can('social.write') && (
      <Button type="primary" onClick={onClick}>
        {label}
      </Button>
    )
  );
}

/** The projects a fund paid for: code and name (the code alone for one outside the user's scope). */
export function FundProjects({ row }: { row: FundRow }) {
  if (!row.projects.length) return '—';
  return (
    <Space size={[0, 4]} wrap>
      {row.projects.map((p) => (
        <Tag key={p.code} title={p.name ?? undefined}>
          {p.name ? `${p.code} ${p.name}` : p.code}
        </Tag>
      ))}
    </Space>
  );
}

export function FundsPage() {
  const { t } = useTranslation();
  const [purpose, setPurpose] = useState<FundPurpose>();
  const refresh = useRefresh();
  const teamName = useTeamName();
  const { can } = useAuth();
  const form = useEditing<FundRow>();
  const list = usePagedQuery(socialApi.funds, { key: ['social', 'funds'], filters: { purpose } });
  const f = (k: string) => t(`social.fields.${k}`);
  return (
    <>
      <ListPage
        title={t('social.funds.title')}
        list={list}
        actions={<NewButton label={t('social.funds.new')} onClick={() => form.open('new')} />}
        filters={
          <Select
            allowClear
            placeholder={f('purpose')}
            value={purpose}
            style={{ width: 140 }}
            onChange={setPurpose}
            options={FUND_PURPOSES.map((k) => ({ value: k, label: t(`social.purposes.${k}`) }))}
          />
        }
        ledger={{ key: SOCIAL_LEDGERS.funds, filters: { purpose }, import: { permission: 'social.write', onCommitted: refresh } }}
        scroll={{ x: 900 }}
        rowKey="id"
        columns={[
          { title: f('donor'), render: (_, r) => r.donorName },
          { title: f('purpose'), render: (_, r) => [t(`social.purposes.${r.purpose}`), r.purposeNote].filter(Boolean).join('：') },
          { title: f('place'), render: (_, r) => placeText(r) },
          { title: f('pledgedOn'), render: (_, r) => formatDate(r.pledgedOn) },
          { title: f('pledged'), align: 'right', render: (_, r) => formatAmount(r.pledgedAmount) },
          { title: f('received'), align: 'right', render: (_, r) => formatAmount(r.receivedAmount) },
          { title: t('social.funds.projects'), render: (_, r) => <FundProjects row={r} /> },
          { title: f('team'), render: (_, r) => teamName(r.teamId) },
        ]}
        onRow={(r) => (can('social.write') ? { onClick: () => form.open(r), style: { cursor: 'pointer' } } : {})}
      />
      <FundForm {...form.props} row={form.row} />
    </>
  );
}

export function VisitsPage() {
  const { t } = useTranslation();
  const [visitorLevel, setLevel] = useState<VisitorLevel>();
  const refresh = useRefresh();
  const teamName = useTeamName();
  const { can } = useAuth();
  const form = useEditing<VisitRow>();
  const list = usePagedQuery(socialApi.visits, { key: ['social', 'visits'], filters: { visitorLevel } });
  const f = (k: string) => t(`social.fields.${k}`);
  return (
    <>
      <ListPage
        title={t('social.visits.title')}
        list={list}
        actions={<NewButton label={t('social.visits.new')} onClick={() => form.open('new')} />}
        filters={
          <Select
            allowClear
            placeholder={f('visitorLevel')}
            value={visitorLevel}
            style={{ width: 170 }}
            onChange={setLevel}
            options={VISITOR_LEVELS.map((k) => ({ value: k, label: t(`social.visitorLevels.${k}`) }))}
          />
        }
        ledger={{ key: SOCIAL_LEDGERS.visits, filters: { visitorLevel }, import: { permission: 'social.write', onCommitted: refresh } }}
        scroll={{ x: 900 }}
        rowKey="id"
        columns={[
          { title: f('startedOn'), render: (_, r) => formatDate(r.startedOn) },
          { title: f('visitors'), render: (_, r) => `${r.visitors}（${t(`social.visitorLevels.${r.visitorLevel}`)}）` },
          { title: f('from'), render: (_, r) => r.fromDivisionName ?? r.fromDivisionCode },
          { title: f('visited'), render: (_, r) => placeText(r) },
          { title: f('visitPurpose'), render: (_, r) => r.purpose ?? '—' },
          { title: f('team'), render: (_, r) => teamName(r.teamId) },
          ...(can('social.write') ? [editColumn<VisitRow>(t, form.open, (r) => r.visitors)] : []),
        ]}
      />
      <VisitForm {...form.props} row={form.row} />
    </>
  );
}

export function PublicityPage() {
  const { t } = useTranslation();
  const [mediaLevel, setLevel] = useState<MediaLevel>();
  const [q, setQ] = useState<string>();
  const refresh = useRefresh();
  const teamName = useTeamName();
  const { can } = useAuth();
  const form = useEditing<PublicityRow>();
  const list = usePagedQuery(socialApi.publicity, { key: ['social', 'publicity'], filters: { mediaLevel, q } });
  const f = (k: string) => t(`social.fields.${k}`);
  return (
    <>
      <ListPage
        title={t('social.publicity.title')}
        list={list}
        actions={<NewButton label={t('social.publicity.new')} onClick={() => form.open('new')} />}
        filters={
          <>
            <Select
              allowClear
              placeholder={f('mediaLevel')}
              value={mediaLevel}
              style={{ width: 130 }}
              onChange={setLevel}
              options={MEDIA_LEVELS.map((k) => ({ value: k, label: t(`social.mediaLevels.${k}`) }))}
            />
            <Input.Search
              allowClear
              placeholder={t('social.publicity.search')}
              style={{ width: 220 }}
              onSearch={(v) => setQ(v || undefined)}
            />
          </>
        }
        ledger={{ key: SOCIAL_LEDGERS.publicity, filters: { mediaLevel }, import: { permission: 'social.write', onCommitted: refresh } }}
        scroll={{ x: 900 }}
        rowKey="id"
        columns={[
          { title: f('date'), render: (_, r) => formatDate(r.publishedOn) },
          {
            title: f('title'),
            render: (_, r) =>
              r.link ? (
                <a href={r.link} target="_blank" rel="noreferrer">
                  {r.title}
                </a>
              ) : (
                r.title
              ),
          },
          { title: f('medium'), render: (_, r) => r.medium },
          { title: f('mediaLevel'), render: (_, r) => t(`social.mediaLevels.${r.mediaLevel}`) },
          { title: f('kind'), render: (_, r) => t(`social.publicityKinds.${r.kind}`) },
          { title: f('place'), render: (_, r) => placeText(r) },
          { title: f('team'), render: (_, r) => teamName(r.teamId) },
          ...(can('social.write') ? [editColumn<PublicityRow>(t, form.open, (r) => r.title)] : []),
        ]}
      />
      <PublicityForm {...form.props} row={form.row} />
    </>
  );
}
