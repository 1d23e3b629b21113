// The plain ledgers of the module: social funds (认捐/到位), high-level visits (互访调研) and publicity (宣传报道) —
// lists in scope with their filters, counts and the ledger's import and export.
import { useQueryClient } from '@tanstack/react-query';
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
import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAmount, formatDate } from '../../app/format';
import { ListPage } from '../../platform/ListPage';
import { usePagedQuery } from '../../platform/usePagedQuery';
import { placeText, useTeamName } from './data';

function useRefresh() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: ['social'] });
}

export function FundsPage() {
  const { t } = useTranslation();
  const [purpose, setPurpose] = useState<FundPurpose>();
  const refresh = useRefresh();
  const teamName = useTeamName();
  const list = usePagedQuery(socialApi.funds, { key: ['social', 'funds'], filters: { purpose } });
  const f = (k: string) => t(`social.fields.${k}`);
  return (
    <ListPage
      title={t('social.funds.title')}
      list={list}
      filters={
        <>
          <Select
            allowClear
            placeholder={f('purpose')}
            value={purpose}
            style={{ width: 140 }}
            onChange={setPurpose}
            options={FUND_PURPOSES.map((k) => ({ value: k, label: t(`social.purposes.${k}`) }))}
          />
          <Typography.Text type="secondary">{t('social.funds.later')}</Typography.Text>
        </>
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
        { title: f('team'), render: (_, r) => teamName(r.teamId) },
      ]}
    />
  );
}

export function VisitsPage() {
  const { t } = useTranslation();
  const [visitorLevel, setLevel] = useState<VisitorLevel>();
  const refresh = useRefresh();
  const list = usePagedQuery(socialApi.visits, { key: ['social', 'visits'], filters: { visitorLevel } });
  const f = (k: string) => t(`social.fields.${k}`);
  return (
    <ListPage
      title={t('social.visits.title')}
      list={list}
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
      ]}
    />
  );
}

export function PublicityPage() {
  const { t } = useTranslation();
  const [mediaLevel, setLevel] = useState<MediaLevel>();
  const refresh = useRefresh();
  const list = usePagedQuery(socialApi.publicity, { key: ['social', 'publicity'], filters: { mediaLevel } });
  const f = (k: string) => t(`social.fields.${k}`);
  return (
    <ListPage
      title={t('social.publicity.title')}
      list={list}
      filters={
        <Select
          allowClear
          placeholder={f('mediaLevel')}
          value={mediaLevel}
          style={{ width: 130 }}
          onChange={setLevel}
          options={MEDIA_LEVELS.map((k) => ({ value: k, label: t(`social.mediaLevels.${k}`) }))}
        />
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
      ]}
    />
  );
}
