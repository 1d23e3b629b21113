// 年度帮扶协议: each pairing's targets for the year with live progress (the indicator value of the helped side ÷ the
// target), and the two sides' dated sign-offs. AgreementTargets is the progress panel a dashboard can show.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type AgreementDetail, type AgreementRow, assessmentApi, SIDES } from '@xiezuo/shared/contracts/assessment';
import { Button, Card, DatePicker, Descriptions, Form, Input, Progress, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { z } from 'zod';
import { call } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatAmount, formatDate, formatPercent } from '../../app/format';
import { day, required, SaveModal } from '../../platform/SaveModal';

type Row = z.infer<typeof AgreementRow>;
type Detail = z.infer<typeof AgreementDetail>;
type Side = (typeof SIDES)[number];

const percent = (p: number | null) => (p == null ? 0 : Math.round(Math.min(1, p) * 100));

function Signature({ a, side }: { a: Row; side: Side }) {
  const { t } = useTranslation();
  const s = side === 'helper' ? a.helperSigned : a.helpedSigned;
  const sideName = t(`assessment.sides.${side}`);
  // a signature is a sentence (date, signer, role): it wraps rather than pushing a phone page sideways
  const wrap = { whiteSpace: 'normal', marginInlineEnd: 0 } as const;
  return s ? (
    <Tag color="green" style={wrap}>
      {t('assessment.agreement.signed', { side: sideName, date: formatDate(s.signedOn), signer: s.signer, role: t(`roles.${s.role}`) })}
    </Tag>
  ) : (
    <Tag color="orange" style={wrap}>
      {t('assessment.agreement.unsigned', { side: sideName })}
    </Tag>
  );
}

/** The agreement's targets with their live figures and progress. */
export function AgreementTargets({ a }: { a: Detail }) {
  const { t } = useTranslation();
  const show = (v: number | null, money: boolean, unit: string) =>
    v == null ? '—' : money ? formatAmount(v) : `${v.toLocaleString()}${unit}`;
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
        { title: t('assessment.agreement.target'), align: 'right', render: (_, r) => show(r.target, r.money, r.unit) },
        { title: t('assessment.agreement.actual'), align: 'right', render: (_, r) => show(r.actual, r.money, r.unit) },
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
  const { data, isLoading } = useQuery({
    queryKey: ['assessment', 'agreements'],
    queryFn: () => call(assessmentApi.agreements, { query: {} }),
  });
  return (
    <Card title={t('assessment.agreement.title')}>
      <Table
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('assessment.agreement.none') }}
        columns={[
          { title: t('assessment.agreement.year'), dataIndex: 'year', width: 70 },
          {
            title: t('assessment.agreement.pairing'),
            render: (_, a) => <Link to={`/assessment/agreements/${a.id}`}>{`${a.helperName} → ${a.helpedName}`}</Link>,
          },
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
      />
    </Card>
  );
}

export function AgreementPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const id = Number(useParams().id);
  const client = useQueryClient();
  const [signing, setSigning] = useState<Side>();
  const [form] = Form.useForm();
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
            {SIDES.filter((s) => !(s === 'helper' ? a.helperSigned : a.helpedSigned)).map((s) => (
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
