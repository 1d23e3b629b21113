// 年度帮扶协议: each pairing's targets for the year with live progress (the indicator value of the helped side ÷ the
// target), and the two sides' dated sign-offs. The dashboards show the same progress (AgreementsPanel).
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import { type AgreementDetail, assessmentApi } from '@xiezuo/shared/contracts/assessment';
import { Button, Card, DatePicker, Descriptions, Form, Grid, Input, InputNumber, Progress, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { call } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatPercent } from '../../app/format';
import { ListPage } from '../../platform/ListPage';
import { day, required, SaveModal } from '../../platform/SaveModal';
import { useUrlFilters, useWholeList } from '../../platform/usePagedQuery';
import { DivisionPicker } from '../registry/Options';
import { AgreementForm } from './AgreementForm';
import { percent, type Side, Signature, showTarget, TargetProgress, useOwnSides } from './agreementParts';

type Detail = z.infer<typeof AgreementDetail>;

/** The agreement's targets with their live figures and progress (on a phone as bars, not a table to scroll sideways). */
export function AgreementTargets({ a }: { a: Detail }) {
  const { t } = useTranslation();
  if (Grid.useBreakpoint().md === false) return <TargetProgress targets={a.targets} />;
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 640 }}
      dataSource={a.targets}
      columns={[
        { title: t('assessment.agreement.indicator'), dataIndex: 'indicatorName' },
        { title: t('assessment.agreement.place'), render: (_, r) => r.divisionName ?? t('assessment.agreement.wholeSide') },
        { title: t('assessment.agreement.target'), align: 'right', render: (_, r) => showTarget(r, r.target) },
        { title: t('assessment.agreement.actual'), align: 'right', render: (_, r) => showTarget(r, r.actual) },
        {
          title: t('assessment.agreement.progress'),
          width: 180,
          render: (_, r) =>
            r.progress == null ? (
              '—'
            ) : (
              <Progress
                percent={percent(r.progress)}
                size="small"
                format={() => formatPercent(r.progress)}
                status={r.progress >= 1 ? 'success' : 'active'}
              />
            ),
        },
      ]}
    />
  );
}

export function AgreementsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [f, set] = useUrlFilters(['year', 'division'] as const);
  const query = { year: f.year ? Number(f.year) : undefined, division: f.division };
  const list = useWholeList(
    useQuery({
      queryKey: ['assessment', 'agreements', query],
      queryFn: () => call(assessmentApi.agreements, { query }),
    }),
  );
  return (
    <ListPage<Detail>
      title={t('assessment.agreement.title')}
      list={list}
      rowKey="id"
      scroll={{ x: true }}
      locale={{ emptyText: t('assessment.agreement.none') }}
      actions={
        can('assessment.agree') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-agreement">
            {t('assessment.agreement.new')}
          </Button>
        )
      }
      filters={
        <>
          <InputNumber
            min={2000}
            max={2100}
            precision={0}
            placeholder={t('assessment.agreement.allYears')}
            value={query.year}
            onChange={(v) => set({ year: v ?? undefined })}
            aria-label={t('assessment.agreement.year')}
            style={{ width: 120 }}
          />
          <DivisionPicker
            value={f.division ? f.division.padEnd(12, '0') : undefined}
            onChange={(v) => set({ division: v ? divisionPrefix(v) : undefined })}
            placeholder={t('registry.fields.divisionSearch')}
            style={{ width: 220 }}
          />
        </>
      }
      columns={[
        {
          title: t('assessment.agreement.pairing'),
          render: (_, a) => <Link to={`/assessment/agreements/${a.id}`}>{`${a.helperName} → ${a.helpedName}`}</Link>,
        },
        { title: t('assessment.agreement.year'), dataIndex: 'year', width: 70 },
        {
          title: t('assessment.agreement.signatures'),
          render: (_, a) => (
            <Space direction="vertical" size={2}>
              <Signature a={a} side="helper" />
              <Signature a={a} side="helped" />
            </Space>
          ),
        },
        {
          title: t('assessment.agreement.overall'),
          width: 180,
          render: (_, a) =>
            a.progress == null ? '—' : <Progress percent={percent(a.progress)} size="small" format={() => formatPercent(a.progress)} />,
        },
      ]}
    >
      <AgreementForm
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(a) => {
          setCreating(false);
          void client.invalidateQueries({ queryKey: ['assessment', 'agreements'] });
          navigate(`/assessment/agreements/${a.id}`);
        }}
      />
    </ListPage>
  );
}

export function AgreementPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const id = Number(useParams().id);
  const client = useQueryClient();
  const [signing, setSigning] = useState<Side>();
  const [form] = Form.useForm();
  const ownSides = useOwnSides();
  const { data: a } = useQuery({
    queryKey: ['assessment', 'agreements', id],
    queryFn: () => call(assessmentApi.agreement, { params: { id } }),
  });
  if (!a) return <Card loading />;
  return (
    <Card
      title={`${a.title} · ${a.helperName} → ${a.helpedName}`}
      extra={
        can('assessment.agree') && (
          <Space wrap>
            {ownSides(a.helperDivisionCode, a.helpedDivisionCode)
              .filter((s) => !(s === 'helper' ? a.helperSigned : a.helpedSigned))
              .map((s) => (
                <Button key={s} onClick={() => setSigning(s)}>
                  {t('assessment.agreement.sign', { side: t(`assessment.sides.${s}`) })}
                </Button>
              ))}
          </Space>
        )
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('assessment.agreement.helper')}>{a.helperName}</Descriptions.Item>
          <Descriptions.Item label={t('assessment.agreement.helped')}>{a.helpedName}</Descriptions.Item>
          <Descriptions.Item label={t('assessment.agreement.signatures')}>
            <Space direction="vertical" size={2}>
              <Signature a={a} side="helper" />
              <Signature a={a} side="helped" />
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.agreement.overall')}>
            {a.progress == null ? '—' : formatPercent(a.progress)}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Title level={5}>{t('assessment.agreement.targets')}</Typography.Title>
        <AgreementTargets a={a} />
      </Space>
      <SaveModal
        open={!!signing}
        title={signing ? t('assessment.agreement.sign', { side: t(`assessment.sides.${signing}`) }) : ''}
        endpoint={assessmentApi.signAgreement}
        params={{ id }}
        form={form}
        initial={{ signedOn: dayjs() }}
        toBody={(v) => ({ side: signing, signedOn: day(v.signedOn), signer: v.signer })}
        onClose={() => setSigning(undefined)}
        onSaved={() => {
          setSigning(undefined);
          void client.invalidateQueries({ queryKey: ['assessment', 'agreements'] });
        }}
      >
        <Form.Item name="signer" label={t('assessment.agreement.signer')} rules={required(t)}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="signedOn" label={t('assessment.agreement.signedOn')} rules={required(t)}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </SaveModal>
    </Card>
  );
}
