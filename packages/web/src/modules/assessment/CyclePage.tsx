// One cycle: the calendar (each step dated, by role), scores within groups with every item's trace, reviewers'
// scores with their spread and settlement, the field-check sample and its re-check, drift after final, what-if.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  assessmentApi,
  CYCLE_STEPS,
  type CycleT,
  type ItemTraceT,
  type PartyScoreT,
  SATISFACTION_ITEM,
} from '@xiezuo/shared/contracts/assessment';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Steps, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, call, download } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatAmount, formatDate, formatPercent } from '../../app/format';
import { Attachments } from '../../platform/Attachments';
import { required, SaveModal } from '../../platform/SaveModal';

const GRADE_COLOR = { good: 'green', fairlyGood: 'blue', average: 'orange', poor: 'red' } as const;
const REVIEWED = new Set(['rubric', 'mandatory', 'veto', 'bonus', 'imported']);

function useErrors() {
  const { message } = App.useApp();
  return (e: unknown) =>
    message.error(e instanceof ApiError ? [e.body.message, ...e.body.details.map((d) => d.message)].join('：') : String(e));
}

function inputsText(i: ItemTraceT) {
  const v = i.inputs as { actual?: number | null; target?: number | null; source?: string; unit?: string };
  // money in 元 as people read it (万元/亿元); counts with their unit
  const show = (n: number) => (v.unit === '元' ? formatAmount(n) : `${n.toLocaleString()}${v.unit ?? ''}`);
  return [v.source, v.actual != null ? `实际 ${show(v.actual)}` : null, v.target != null ? `目标 ${show(v.target)}` : null]
    .filter(Boolean)
    .join('，');
}

function ItemsTable({
  c,
  s,
  onReview,
  onSettle,
}: {
  c: CycleT;
  s: PartyScoreT;
  onReview(i: ItemTraceT): void;
  onSettle(i: ItemTraceT): void;
}) {
  const { t } = useTranslation();
  return (
    <Table
      rowKey="code"
      size="small"
      pagination={false}
      scroll={{ x: 900 }}
      dataSource={s.items}
      columns={[
        { title: t('assessment.framework.aspect'), dataIndex: 'aspect' },
        { title: t('assessment.framework.item'), dataIndex: 'name' },
        { title: t('assessment.framework.kind'), dataIndex: 'kind', render: (k: string) => t(`assessment.kinds.${k}`) },
        {
          title: t('assessment.cycle.points'),
          align: 'right',
          render: (_, i) => (
            <span>
              {i.points} / {i.maxPoints} {i.veto && <Tag color="red">{t('assessment.cycle.veto')}</Tag>}
            </span>
          ),
        },
        { title: t('assessment.cycle.ruleApplied'), dataIndex: 'rule' },
        { title: t('assessment.cycle.inputs'), render: (_, i) => inputsText(i) },
        {
          title: t('assessment.cycle.reviews'),
          render: (_, i) => {
            const rs = c.reviews.filter((r) => r.partyId === s.partyId && r.item === i.code);
            const points = rs.map((r) => r.points);
            const spread = points.length > 1 ? Math.max(...points) - Math.min(...points) : 0;
            const settled = c.settlements.find((x) => x.partyId === s.partyId && x.item === i.code);
            return (
              <Space direction="vertical" size={2}>
                {rs.map((r) => (
                  <span key={`${r.reviewerId}`}>
                    {r.reviewer}：{r.points}
                    {r.flag != null && `（${r.flag ? '✓' : '✗'}）`}
                    {r.note && ` ${r.note}`}
                  </span>
                ))}
                {spread > 0 && <Tag color="orange">{t('assessment.cycle.spread', { n: spread })}</Tag>}
                {settled && <Tag color="green">{t('assessment.cycle.settled', { points: settled.points, reason: settled.reason })}</Tag>}
                {c.canReview && REVIEWED.has(i.kind) && (
                  <Space size={4}>
                    <Button size="small" onClick={() => onReview(i)}>
                      {t('assessment.cycle.score')}
                    </Button>
                    {rs.length > 1 && (
                      <Button size="small" onClick={() => onSettle(i)}>
                        {t('assessment.cycle.settle')}
                      </Button>
                    )}
                  </Space>
                )}
              </Space>
            );
          },
        },
      ]}
    />
  );
}

function FieldCheck({ c, refresh }: { c: CycleT; refresh(): void }) {
  const { t } = useTranslation();
  const error = useErrors();
  const client = useQueryClient();
  const [pick, setPick] = useState<{ partyId?: number; item?: string; size: number }>({ size: 5 });
  const { data: samples } = useQuery({
    queryKey: ['assessment', 'samples', c.id],
    queryFn: () => call(assessmentApi.samples, { params: { id: c.id } }),
  });
  const items = c.scores[0]?.items.filter((i) => i.kind === 'indicator') ?? [];
  const reload = () => {
    void client.invalidateQueries({ queryKey: ['assessment', 'samples', c.id] });
    refresh();
  };
  const draw = () =>
    call(assessmentApi.drawSample, { params: { id: c.id }, body: { partyId: pick.partyId!, item: pick.item!, size: pick.size } }).then(
      reload,
      error,
    );
  const verify = (id: number, verified: boolean) => call(assessmentApi.verify, { params: { id }, body: { verified } }).then(reload, error);
  const partyName = (id: number) => c.scores.find((s) => s.partyId === id)?.name ?? id;
  // a sampled record's quantity as people read it: money in 万元/亿元, counts with their unit (from the item's trace)
  const unitOf = (code: string) =>
    c.scores.flatMap((s) => s.items.filter((i) => i.code === code)).find((i) => (i.inputs as { unit?: string }).unit)?.inputs.unit as
      | string
      | undefined;
  const qty = (code: string, n: number) => {
    const unit = code === SATISFACTION_ITEM ? t('assessment.cycle.householdUnit') : unitOf(code);
    return unit === '元' ? formatAmount(n) : `${n.toLocaleString()}${unit ?? ''}`;
  };
  const itemName = (code: string) =>
    code === SATISFACTION_ITEM ? t('assessment.cycle.satisfaction') : (items.find((i) => i.code === code)?.name ?? code);
  return (
    <Card size="small" title={t('assessment.cycle.field')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {c.canReview && c.step === 'field' && (
          <Space wrap>
            <Select
              style={{ minWidth: 160 }}
              placeholder={t('assessment.cycle.party')}
              aria-label={t('assessment.cycle.party')}
              value={pick.partyId}
              onChange={(partyId) => setPick({ ...pick, partyId })}
              options={c.scores.map((s) => ({ value: s.partyId, label: s.name }))}
            />
            <Select
              style={{ minWidth: 180 }}
              placeholder={t('assessment.framework.item')}
              aria-label={t('assessment.framework.item')}
              value={pick.item}
              onChange={(item) => setPick({ ...pick, item })}
              options={[
                ...items.map((i) => ({ value: i.code, label: i.name })),
                { value: SATISFACTION_ITEM, label: t('assessment.cycle.satisfaction') },
              ]}
            />
            <InputNumber
              min={1}
              max={50}
              value={pick.size}
              onChange={(v) => setPick({ ...pick, size: Number(v ?? 5) })}
              aria-label={t('assessment.cycle.sampleSize')}
            />
            <Button type="primary" disabled={!pick.partyId || !pick.item} onClick={draw}>
              {t('assessment.cycle.draw')}
            </Button>
          </Space>
        )}
        {c.checks.map((k) => (
          <Alert
            key={`${k.partyId}|${k.item}`}
            type={k.recheckRequired ? 'error' : k.verified == null ? 'info' : 'success'}
            showIcon
            message={`${partyName(k.partyId)} · ${itemName(k.item)} · ${t('assessment.cycle.round', { n: k.round })}`}
            description={
              k.verified == null
                ? t('assessment.cycle.pending')
                : k.item === SATISFACTION_ITEM
                  ? t('assessment.cycle.satisfactionCheck', {
                      n: k.reported,
                      verified: k.verified,
                      share: formatPercent(k.verified / (k.reported || 1)),
                    })
                  : `${t('assessment.cycle.check', { reported: qty(k.item, k.reported), verified: qty(k.item, k.verified), difference: formatPercent(k.difference) })}${
                      k.recheckRequired ? `；${t('assessment.cycle.recheck', { share: formatPercent(c.recheckShare, 0) })}` : ''
                    }`
            }
          />
        ))}
        {!!samples?.length && (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 880 }}
            dataSource={samples}
            columns={[
              { title: t('assessment.cycle.party'), render: (_, r) => partyName(r.partyId) },
              { title: t('assessment.framework.item'), render: (_, r) => itemName(r.item) },
              { title: '#', render: (_, r) => t('assessment.cycle.round', { n: r.round }) },
              { title: t('assessment.cycle.record'), dataIndex: 'label', render: (l: string | null) => l ?? '—' },
              { title: t('assessment.cycle.day'), dataIndex: 'day', render: (d: string | null) => formatDate(d) },
              { title: t('assessment.cycle.qty'), dataIndex: 'qty', align: 'right', render: (q: number, r) => qty(r.item, q) },
              {
                title: t('assessment.cycle.verified'),
                render: (_, r) => (
                  <Space size={4}>
                    {r.verified == null ? (
                      <Tag>{t('assessment.cycle.pending')}</Tag>
                    ) : r.verified ? (
                      <Tag color="green">{t('assessment.cycle.verified')}</Tag>
                    ) : (
                      <Tag color="red">{t('assessment.cycle.notVerified')}</Tag>
                    )}
                    {c.canReview && c.step === 'field' && r.verified == null && (
                      <>
                        <Button size="small" onClick={() => verify(r.id, true)}>
                          {t('assessment.cycle.verified')}
                        </Button>
                        <Button size="small" danger onClick={() => verify(r.id, false)}>
                          {t('assessment.cycle.notVerified')}
                        </Button>
                      </>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}

function WhatIf({ c }: { c: CycleT }) {
  const { t } = useTranslation();
  const error = useErrors();
  const [points, setPoints] = useState<Record<string, number>>({});
  const [cutoffs, setCutoffs] = useState<{ good?: number; fairlyGood?: number; average?: number }>({});
  const [result, setResult] = useState<Awaited<ReturnType<typeof call<typeof assessmentApi.whatIf>>>>();
  const items = c.scores[0]?.items.filter((i) => i.kind !== 'veto') ?? [];
  const run = () =>
    call(assessmentApi.whatIf, {
      params: { id: c.id },
      body: {
        maxPoints: points,
        cutoffs: cutoffs.good != null && cutoffs.fairlyGood != null && cutoffs.average != null ? (cutoffs as never) : undefined,
      },
    }).then(setResult, error);
  return (
    <Card size="small" title={t('assessment.cycle.whatIf')}>
      <Typography.Paragraph type="secondary">{t('assessment.cycle.whatIfHint')}</Typography.Paragraph>
      <Space wrap>
        {items.map((i) => (
          <Space key={i.code} size={4}>
            <span>{i.name}</span>
            <InputNumber
              size="small"
              min={0}
              max={100}
              placeholder={String(i.maxPoints)}
              value={points[i.code]}
              aria-label={i.code}
              onChange={(v) => {
                const next = { ...points };
                if (v == null) delete next[i.code];
                else next[i.code] = Number(v);
                setPoints(next);
              }}
            />
          </Space>
        ))}
      </Space>
      <Space wrap style={{ marginTop: 8 }}>
        {(['good', 'fairlyGood', 'average'] as const).map((g) => (
          <Space key={g} size={4}>
            <span>{t(`assessment.grades.${g}`)} ≥</span>
            <InputNumber
              size="small"
              aria-label={`cutoff-${g}`}
              value={cutoffs[g]}
              onChange={(v) => setCutoffs({ ...cutoffs, [g]: v == null ? undefined : Number(v) })}
            />
          </Space>
        ))}
        <Button type="primary" onClick={run}>
          {t('assessment.cycle.whatIfRun')}
        </Button>
      </Space>
      {result && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
          <Table
            rowKey="partyId"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={result.parties}
            columns={[
              { title: t('assessment.cycle.party'), dataIndex: 'name' },
              { title: t('assessment.cycle.total'), render: (_, p) => `${p.total} → ${p.whatIfTotal}` },
              {
                title: t('assessment.cycle.grade'),
                render: (_, p) => (
                  <Space size={4}>
                    <Tag color={GRADE_COLOR[p.grade]}>{t(`assessment.grades.${p.grade}`)}</Tag>→
                    <Tag color={GRADE_COLOR[p.whatIfGrade]}>{t(`assessment.grades.${p.whatIfGrade}`)}</Tag>
                    {p.changed && <Tag color="magenta">{t('assessment.cycle.whatIfChanged')}</Tag>}
                  </Space>
                ),
              },
            ]}
          />
          {result.items.map((i) => (
            <Typography.Text key={i.item}>
              {i.name}：{t('assessment.cycle.moved', { n: i.moved, g: i.gradeChanges })}
            </Typography.Text>
          ))}
        </Space>
      )}
    </Card>
  );
}

export function CyclePage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const error = useErrors();
  const id = Number(useParams().id);
  const client = useQueryClient();
  const key = ['assessment', 'cycles', id];
  const { data: c } = useQuery({ queryKey: key, queryFn: () => call(assessmentApi.cycle, { params: { id } }) });
  const [note, setNote] = useState('');
  const [partyStep, setPartyStep] = useState<{ partyId?: number; note: string }>({ note: '' });
  const [reviewing, setReviewing] = useState<{ s: PartyScoreT; i: ItemTraceT; settle: boolean }>();
  const [form] = Form.useForm();
  const refresh = () => void client.invalidateQueries({ queryKey: ['assessment'] });
  if (!c) return <Card loading />;
  const stepAt = CYCLE_STEPS.indexOf(c.step);
  const groups = new Map(c.groups.map((g) => [g.key, g.name]));
  const partyName = (pid: number | null) => (pid == null ? '' : (c.scores.find((s) => s.partyId === pid)?.name ?? ''));
  const advance = () =>
    call(assessmentApi.advance, { params: { id }, body: { note: note || undefined } }).then(() => {
      setNote('');
      refresh();
    }, error);
  const submitPartyStep = () =>
    call(assessmentApi.partyStep, { params: { id }, body: { partyId: partyStep.partyId!, note: partyStep.note } }).then(() => {
      setPartyStep({ note: '' });
      refresh();
    }, error);
  const partyOptions = (c.step === 'paired' || c.canReview ? c.scores : c.scores.filter((s) => c.ownParties.includes(s.partyId))).map(
    (s) => ({
      value: s.partyId,
      label: s.name,
    }),
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card
        title={c.name}
        extra={
          c.lockedAt ? <Tag color="red">{t('assessment.cycle.locked')}</Tag> : <Tag color="blue">{t(`assessment.steps.${c.step}`)}</Tag>
        }
      >
        <Typography.Paragraph type="secondary">{c.frameworkName}</Typography.Paragraph>
        <Steps
          size="small"
          current={c.lockedAt ? CYCLE_STEPS.length : stepAt}
          responsive
          items={CYCLE_STEPS.map((s) => {
            const done = c.steps.filter((x) => x.step === s && x.partyId == null).at(-1);
            return { title: t(`assessment.steps.${s}`), description: done ? formatDate(done.doneOn) : undefined };
          })}
        />
        <Space wrap style={{ marginTop: 12 }}>
          {!c.lockedAt && can('assessment.manage') && (
            <>
              <Input
                style={{ width: 220 }}
                placeholder={t('assessment.cycle.partyNote')}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                aria-label="advance-note"
              />
              <Button type="primary" onClick={advance}>
                {t('assessment.cycle.advance', { step: t(`assessment.steps.${c.step}`) })}
              </Button>
            </>
          )}
          {!c.lockedAt && ['self', 'paired', 'appeal'].includes(c.step) && can('assessment.submit') && partyOptions.length > 0 && (
            <>
              <Select
                style={{ minWidth: 160 }}
                placeholder={t('assessment.cycle.party')}
                options={partyOptions}
                value={partyStep.partyId}
                onChange={(partyId) => setPartyStep({ ...partyStep, partyId })}
              />
              <Input
                style={{ width: 240 }}
                placeholder={t('assessment.cycle.partyNote')}
                value={partyStep.note}
                onChange={(e) => setPartyStep({ ...partyStep, note: e.target.value })}
                aria-label="party-note"
              />
              <Button disabled={!partyStep.partyId || !partyStep.note.trim()} onClick={submitPartyStep}>
                {t('assessment.cycle.partyStep', { step: t(`assessment.steps.${c.step}`) })}
              </Button>
            </>
          )}
        </Space>
      </Card>

      <Card
        size="small"
        title={c.lockedAt ? t('assessment.cycle.lockedScores') : t('assessment.cycle.projected')}
        extra={
          (can('assessment.review') || c.ownParties.length > 0) && (
            <Button size="small" onClick={() => download(assessmentApi.scoreTable, { params: { id } }, `${c.name}.xlsx`).catch(error)}>
              {t('assessment.cycle.downloadTable')}
            </Button>
          )
        }
      >
        {c.drift
          .filter((d) => d.live !== d.locked)
          .map((d) => (
            <Alert
              key={d.partyId}
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              message={`${t('assessment.cycle.drift')} · ${partyName(d.partyId)}`}
              description={t('assessment.cycle.driftText', {
                locked: d.locked,
                live: d.live,
                lockedGrade: t(`assessment.grades.${d.lockedGrade}`),
                liveGrade: t(`assessment.grades.${d.liveGrade}`),
              })}
            />
          ))}
        <Table
          rowKey="partyId"
          size="small"
          pagination={false}
          scroll={{ x: 680 }}
          dataSource={[...c.scores].sort((a, b) => a.group.localeCompare(b.group) || a.rank - b.rank)}
          expandable={{
            expandedRowRender: (s) => (
              <>
                <ItemsTable
                  c={c}
                  s={s}
                  onReview={(i) => setReviewing({ s, i, settle: false })}
                  onSettle={(i) => setReviewing({ s, i, settle: true })}
                />
                {(can('assessment.review') || c.ownParties.includes(s.partyId)) && (
                  <div style={{ marginTop: 12 }}>
                    <strong style={{ display: 'block', marginBottom: 8 }}>{t('assessment.cycle.evidence')}</strong>
                    <Attachments
                      module="assessment"
                      kind="party"
                      ownerId={s.partyId}
                      purpose="evidence"
                      readOnly={!c.ownParties.includes(s.partyId) || !!c.lockedAt}
                      uploadLabel={t('attachments.uploadWhat', { what: t('assessment.cycle.evidence') })}
                    />
                  </div>
                )}
              </>
            ),
          }}
          columns={[
            { title: t('assessment.cycle.party'), dataIndex: 'name' },
            { title: t('assessment.cycle.group'), render: (_, s) => groups.get(s.group) ?? s.group },
            { title: t('assessment.cycle.total'), dataIndex: 'total', align: 'right' },
            {
              title: t('assessment.cycle.grade'),
              render: (_, s) => (
                <Space size={4}>
                  <Tag color={GRADE_COLOR[s.grade]}>{t(`assessment.grades.${s.grade}`)}</Tag>
                  {s.vetoed && <Tag color="red">{t('assessment.cycle.veto')}</Tag>}
                </Space>
              ),
            },
            { title: t('assessment.cycle.rank'), dataIndex: 'rank', align: 'right' },
            {
              title: t('assessment.cycle.reportOf'),
              render: (_, s) =>
                (can('assessment.review') || c.ownParties.includes(s.partyId)) && (
                  <Button
                    size="small"
                    aria-label={`${t('assessment.cycle.downloadReport')} ${s.name}`}
                    onClick={() =>
                      download(assessmentApi.selfReport, { params: { id, partyId: s.partyId } }, `${s.name}.docx`).catch(error)
                    }
                  >
                    {t('assessment.cycle.downloadReport')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>

      {(c.step === 'field' || c.checks.length > 0) && <FieldCheck c={c} refresh={refresh} />}
      {can('assessment.manage') && <WhatIf c={c} />}

      <Card size="small" title={t('assessment.cycle.log')}>
        <Timeline
          items={c.steps.map((s) => ({
            color: s.partyId == null ? 'blue' : 'gray',
            children: `${formatDate(s.doneOn)} ${t(`assessment.steps.${s.step}`)}${s.partyId != null ? ` · ${partyName(s.partyId)}` : ''} · ${s.by}（${t(`roles.${s.role}`)}）${s.note ? `：${s.note}` : ''}`,
          }))}
        />
      </Card>

      <SaveModal
        open={!!reviewing}
        title={
          reviewing
            ? `${reviewing.s.name} · ${reviewing.i.name} · ${reviewing.settle ? t('assessment.cycle.settle') : t('assessment.cycle.score')}`
            : ''
        }
        endpoint={reviewing?.settle ? assessmentApi.settle : assessmentApi.review}
        params={{ id }}
        form={form}
        toBody={(v) =>
          reviewing?.settle
            ? { partyId: reviewing.s.partyId, item: reviewing.i.code, points: v.points, reason: v.reason }
            : { partyId: reviewing!.s.partyId, item: reviewing!.i.code, points: v.points ?? 0, flag: v.flag, note: v.note || undefined }
        }
        onClose={() => setReviewing(undefined)}
        onSaved={() => {
          setReviewing(undefined);
          refresh();
        }}
      >
        <Form.Item
          name="points"
          label={t('assessment.cycle.points')}
          rules={reviewing?.i.kind === 'veto' || reviewing?.i.kind === 'mandatory' ? [] : required(t)}
        >
          <InputNumber
            min={reviewing?.i.kind === 'bonus' ? -reviewing.i.maxPoints : 0}
            max={reviewing?.i.maxPoints}
            style={{ width: '100%' }}
          />
        </Form.Item>
        {!reviewing?.settle && (reviewing?.i.kind === 'veto' || reviewing?.i.kind === 'mandatory') && (
          <Form.Item name="flag" valuePropName="checked">
            <Checkbox>{t('assessment.cycle.flagMet')}</Checkbox>
          </Form.Item>
        )}
        {reviewing?.settle ? (
          <Form.Item name="reason" label={t('assessment.cycle.settleReason')} rules={required(t)}>
            <Input.TextArea maxLength={500} />
          </Form.Item>
        ) : (
          <Form.Item name="note" label={t('assessment.cycle.partyNote')}>
            <Input maxLength={500} />
          </Form.Item>
        )}
      </SaveModal>
    </Space>
  );
}
