// One household: its facts, the procedure clock, the elimination rule checks, the buttons of the steps
// this user may take, and tabs for members (masked, reveal audited), risks, measures, visits, history.
// Users who may write correct the household and its members, add a member and record one who left.
import { CameraOutlined, CheckCircleTwoTone, CloseCircleTwoTone, PaperClipOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type Action,
  type HouseholdContact,
  type HouseholdDetail,
  type MemberReveal,
  monitoringApi,
} from '@xiezuo/shared/contracts/monitoring';
import { Alert, Button, Card, Descriptions, List, Space, Spin, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { call, urlOf } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatAmount, formatDate, formatDateTime, formatTableDate } from '../../app/format';
import { ActivityButton } from './ActivityForms';
import { CATEGORY_COLOR, STATUS_COLOR } from './data';
import { AddMemberButton, EditHouseholdButton, EditMemberButton, MemberLeaveButton } from './HouseholdForms';
import { StepDialog } from './StepDialog';

export function HouseholdDetailPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const id = Number(useParams().id);
  const client = useQueryClient();
  const key = ['monitoring', 'household', id];
  const { data: d, isLoading } = useQuery({ queryKey: key, queryFn: () => call(monitoringApi.household, { params: { id } }) });
  const [action, setAction] = useState<Action | null>(null);
  const [revealed, setRevealed] = useState<Record<number, MemberReveal>>({});
  const [contact, setContact] = useState<HouseholdContact | null>(null);
  if (isLoading || !d) return <Spin />;
  const h = d.household;
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const canWrite = can('monitoring.write');
  const writable = canWrite && h.status !== 'rejected' && h.status !== 'eliminated';
  const show = (next: HouseholdDetail) => client.setQueryData(key, next);
  // a monitored household is offered 提出风险消除 only once its rules are met; until then, the next sensible steps
  const unmet = d.checks.filter((c) => !c.ok);
  const steps = d.actions.filter((a) => !(a === 'propose_elimination' && h.status === 'monitored' && unmet.length > 0));
  // after a member's edit what this page revealed may be out of date: forget it (another reveal shows the new values)
  const memberSaved = (memberId: number) => {
    const { [memberId]: _, ...rest } = revealed;
    setRevealed(rest);
    void refresh();
  };
  const reveal = async (memberId: number) =>
    setRevealed({ ...revealed, [memberId]: await call(monitoringApi.revealMember, { params: { id: memberId } }) });
  // the household's phone and address come masked; a reveal (audited) shows them, and the edit form starts from them
  const revealContact = async () => setContact(await call(monitoringApi.revealHouseholdContact, { params: { id: h.id } }));
  const contactButton = d.canReveal && !contact && (h.phone || h.address) && (
    <Button size="small" type="link" onClick={revealContact} data-testid="reveal-contact">
      {t('monitoring.member.reveal')}
    </Button>
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card
        title={
          <Space wrap>
            {h.headName}
            <Tag color={STATUS_COLOR[h.status]} data-testid="household-status">
              {t(`monitoring.statuses.${h.status}`)}
            </Tag>
            {h.stage && <Tag data-testid="household-stage">{t(`monitoring.stages.${h.stage}`)}</Tag>}
            {h.demo && <Tag color="cyan">{t('monitoring.household.demo')}</Tag>}
          </Space>
        }
        extra={
          canWrite && (
            <Space wrap>
              <EditHouseholdButton
                detail={d}
                contact={contact}
                onDone={(next) => {
                  setContact(null);
                  show(next);
                }}
              />
              <Link to={`/monitoring/visit/${h.id}`}>
                <Button>{t('monitoring.visit.new')}</Button>
              </Link>
            </Space>
          )
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('monitoring.household.village')}>{h.village ?? h.divisionCode}</Descriptions.Item>
          <Descriptions.Item label={t('monitoring.household.category')}>
            <Tag color={CATEGORY_COLOR[h.category]}>{t(`monitoring.categories.${h.category}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('monitoring.household.entryDoor')}>{t(`monitoring.entryDoors.${h.entryDoor}`)}</Descriptions.Item>
          <Descriptions.Item label={t('monitoring.household.income')}>
            {h.incomePerHead == null ? '—' : `${formatAmount(h.incomePerHead)}（${h.incomeYear}）`}
          </Descriptions.Item>
          <Descriptions.Item label={t('monitoring.household.flags')}>
            {[
              h.isLifted && t('monitoring.household.isLifted'),
              h.dibao && t('monitoring.household.dibao'),
              h.tekun && t('monitoring.household.tekun'),
            ]
              .filter(Boolean)
              .join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('monitoring.household.lastVisit')}>{formatDate(h.lastVisitOn)}</Descriptions.Item>
          <Descriptions.Item label={t('monitoring.household.phone')}>
            <span data-testid="household-phone">{(contact ? contact.phone : h.phone) || '—'}</span>
            {contactButton}
          </Descriptions.Item>
          <Descriptions.Item label={t('monitoring.household.address')}>
            <span data-testid="household-address">{(contact ? contact.address : h.address) || '—'}</span>
          </Descriptions.Item>
          {h.note && <Descriptions.Item label={t('monitoring.household.note')}>{h.note}</Descriptions.Item>}
        </Descriptions>
        {d.clock.running && (
          <Alert
            style={{ marginTop: 8 }}
            type={d.clock.overdue ? 'error' : 'info'}
            showIcon
            data-testid="procedure-clock"
            message={`${d.clock.overdue ? `${t('monitoring.household.overdue')}：` : ''}${t('monitoring.household.procedureDays', { days: d.clock.workDays, limit: d.clock.limit })}`}
          />
        )}
        {unmet.length > 0 && h.status === 'monitored' && (
          <Alert
            style={{ marginTop: 8 }}
            type="info"
            showIcon
            data-testid="next-step"
            message={t('monitoring.review.nextStep', { n: unmet.length })}
            description={
              writable && (
                <Space wrap style={{ marginTop: 4 }}>
                  <Link to={`/monitoring/visit/${h.id}`}>
                    <Button type="primary" size="small" data-testid="next-visit">
                      {t('monitoring.visit.new')}
                    </Button>
                  </Link>
                  {unmet.some((c) => c.rule === 'hasMeasure') && <ActivityButton kind="measure" target={h.id} onDone={refresh} small />}
                  {unmet.some((c) => c.rule === 'noOpenRisk') && (
                    <Typography.Text type="secondary">{t('monitoring.review.closeRisksFirst')}</Typography.Text>
                  )}
                </Space>
              )
            }
          />
        )}
        {steps.length > 0 && (
          <Space wrap style={{ marginTop: 12 }}>
            {steps.map((a) => (
              <Button
                key={a}
                data-testid={`action-${a}`}
                type={a === 'return' || a === 'reject' ? 'default' : 'primary'}
                danger={a === 'reject'}
                onClick={() => setAction(a)}
              >
                {t(`monitoring.actions.${a}`)}
              </Button>
            ))}
          </Space>
        )}
      </Card>

      {d.checks.length > 0 && (
        <Card size="small" title={t('monitoring.review.rulesTitle')} data-testid="rule-checks">
          <List
            size="small"
            dataSource={d.checks}
            renderItem={(c) => (
              <List.Item>
                <Space>
                  {c.ok ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />}
                  {t(`monitoring.rules.${c.rule}`)}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}

      <Card size="small">
        <Tabs
          items={[
            {
              key: 'members',
              label: `${t('monitoring.household.members')}（${h.persons}）`,
              children: (
                <>
                  {writable && <AddMemberButton householdId={h.id} onDone={show} />}
                  <Table
                    rowKey="id"
                    size="small"
                    pagination={false}
                    scroll={{ x: 'max-content' }}
                    dataSource={d.members}
                    rowClassName={(m) => (m.active ? '' : 'ant-table-row-disabled')}
                    columns={[
                      {
                        title: t('monitoring.member.name'),
                        render: (_, m) =>
                          m.active ? (
                            m.name
                          ) : (
                            <Space size={4} wrap>
                              <Typography.Text delete>{m.name}</Typography.Text>
                              {m.leftReason && <Tag data-testid={`left-${m.id}`}>{t(`monitoring.leftReasons.${m.leftReason}`)}</Tag>}
                            </Space>
                          ),
                      },
                      { title: t('monitoring.member.relation'), render: (_, m) => t(`monitoring.relations.${m.relation}`) },
                      { title: t('monitoring.member.gender'), render: (_, m) => t(`monitoring.genders.${m.gender}`) },
                      { title: t('monitoring.member.birthDate'), render: (_, m) => formatTableDate(m.birthDate) },
                      {
                        title: t('monitoring.member.idNumber'),
                        render: (_, m) => (
                          <Space size={4} style={{ whiteSpace: 'nowrap' }}>
                            <Typography.Text code data-testid={`id-${m.id}`}>
                              {revealed[m.id]?.idNumber ?? m.idMasked}
                            </Typography.Text>
                            {d.canReveal && !revealed[m.id] && (
                              <Button size="small" type="link" onClick={() => reveal(m.id)}>
                                {t('monitoring.member.reveal')}
                              </Button>
                            )}
                          </Space>
                        ),
                      },
                      {
                        title: t('monitoring.member.health'),
                        render: (_, m) =>
                          revealed[m.id]
                            ? `${t(`monitoring.health.${revealed[m.id].health}`)}${revealed[m.id].healthNote ? `（${revealed[m.id].healthNote}）` : ''}；${t(`monitoring.disability.${revealed[m.id].disability}`)}`
                            : '***',
                      },
                      { title: t('monitoring.member.schooling'), render: (_, m) => t(`monitoring.schooling.${m.schooling}`) },
                      { title: t('monitoring.member.work'), render: (_, m) => t(`monitoring.work.${m.work}`) },
                      ...(canWrite
                        ? [
                            {
                              title: t('common.actions'),
                              fixed: 'right' as const,
                              width: 96,
                              render: (_: unknown, m: (typeof d.members)[number]) =>
                                m.active && (
                                  <Space size={0} direction="vertical">
                                    <EditMemberButton member={m} revealed={revealed[m.id]} onDone={() => memberSaved(m.id)} />
                                    {writable && <MemberLeaveButton member={m} onDone={() => memberSaved(m.id)} />}
                                  </Space>
                                ),
                            },
                          ]
                        : []),
                    ]}
                  />
                </>
              ),
            },
            {
              key: 'risks',
              label: t('monitoring.risk.title'),
              children: (
                <>
                  {writable && <ActivityButton kind="risk" target={h.id} onDone={refresh} />}
                  <Table
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={d.risks}
                    columns={[
                      { title: t('monitoring.risk.kind'), render: (_, r) => t(`monitoring.risks.${r.kind}`) },
                      { title: t('common.remark'), render: (_, r) => r.note ?? '—' },
                      { title: t('monitoring.risk.identifiedOn'), render: (_, r) => formatTableDate(r.identifiedOn) },
                      {
                        title: t('common.status'),
                        render: (_, r) =>
                          r.closedOn ? (
                            <Tag color="green">{`${t('monitoring.risk.closed')} ${formatTableDate(r.closedOn)}`}</Tag>
                          ) : (
                            <Tag color="red">{t('monitoring.risk.open')}</Tag>
                          ),
                      },
                      {
                        title: t('common.actions'),
                        render: (_, r) =>
                          !r.closedOn && writable && <ActivityButton small kind="closeRisk" target={r.id} onDone={refresh} />,
                      },
                    ]}
                  />
                </>
              ),
            },
            {
              key: 'measures',
              label: t('monitoring.measure.title'),
              children: (
                <>
                  {writable && <ActivityButton kind="measure" target={h.id} onDone={refresh} />}
                  <Table
                    rowKey="id"
                    size="small"
                    pagination={false}
                    scroll={{ x: 700 }}
                    dataSource={d.measures}
                    columns={[
                      { title: t('monitoring.measure.kind'), render: (_, m) => t(`monitoring.measures.${m.kind}`) },
                      { title: t('monitoring.measure.description'), dataIndex: 'description' },
                      {
                        title: t('monitoring.measure.provider'),
                        render: (_, m) =>
                          m.providerTeamId
                            ? t('monitoring.measure.team', { id: m.providerTeamId })
                            : m.providerUnitId
                              ? t('monitoring.measure.unit', { id: m.providerUnitId })
                              : '—',
                      },
                      { title: t('monitoring.measure.amount'), render: (_, m) => formatAmount(m.amount) },
                      { title: t('monitoring.measure.startOn'), render: (_, m) => formatTableDate(m.startOn) },
                      {
                        title: t('monitoring.measure.lastFollowUp'),
                        render: (_, m) =>
                          m.lastFollowUpOn ? formatTableDate(m.lastFollowUpOn) : <Tag>{t('monitoring.measure.noFollowUp')}</Tag>,
                      },
                      {
                        title: t('common.actions'),
                        render: (_, m) => writable && <ActivityButton small kind="followUp" target={m.id} onDone={refresh} />,
                      },
                    ]}
                  />
                </>
              ),
            },
            {
              key: 'visits',
              label: t('monitoring.visit.title'),
              children: (
                <List
                  dataSource={d.visits}
                  renderItem={(v) => (
                    <List.Item>
                      <List.Item.Meta
                        title={`${formatDate(v.visitedOn)} · ${v.visitors}`}
                        description={
                          <>
                            <div>{v.findings}</div>
                            {v.incomePerHead != null && <div>{`${t('monitoring.visit.income')}：${formatAmount(v.incomePerHead)}`}</div>}
                            {v.photos.map((p) => (
                              <a
                                key={p.id}
                                href={urlOf(monitoringApi.attachment, { params: { id: p.id } })}
                                target="_blank"
                                rel="noreferrer"
                                style={{ marginRight: 8 }}
                              >
                                <CameraOutlined /> {p.fileName}
                                {p.takenAt && ` · ${t('monitoring.offline.takenAt', { at: formatDateTime(p.takenAt) })}`}
                              </a>
                            ))}
                            {v.gps && (
                              <div data-testid="visit-gps-stamp">
                                {t('monitoring.offline.gpsShown', {
                                  lat: v.gps.lat.toFixed(5),
                                  lng: v.gps.lng.toFixed(5),
                                  accuracy: v.gps.accuracy ?? '?',
                                })}
                              </div>
                            )}
                          </>
                        }
                      />
                    </List.Item>
                  )}
                />
              ),
            },
            {
              key: 'history',
              label: t('monitoring.review.history'),
              children: (
                <Timeline
                  data-testid="review-history"
                  items={d.steps.map((s) => ({
                    color: s.action === 'reject' ? 'red' : s.action === 'return' ? 'orange' : 'blue',
                    children: (
                      <div>
                        <Typography.Text strong>{t(`monitoring.actions.${s.action}`)}</Typography.Text>
                        {` · ${s.actorName ?? '—'} · ${formatDateTime(s.at)}`}
                        {s.stageWorkDays != null && (
                          <Tag style={{ marginLeft: 8 }}>{t('monitoring.review.stageDays', { days: s.stageWorkDays })}</Tag>
                        )}
                        {s.comment && <div>{s.comment}</div>}
                        {s.details?.authorisationSigned && (
                          <div>{`${t('monitoring.review.authorisation')} ${formatDate(s.details.authorisationDate)}`}</div>
                        )}
                        {s.details?.noticeFrom && (
                          <div>{`${t('monitoring.review.noticeFrom')} ${formatDate(s.details.noticeFrom)} — ${formatDate(s.details.noticeTo)}`}</div>
                        )}
                        {s.details?.overrideReason && (
                          <div style={{ color: '#d46b08' }}>{`${t('monitoring.review.override')}：${s.details.overrideReason}`}</div>
                        )}
                        {s.attachments.map((a) => (
                          <a
                            key={a.id}
                            href={urlOf(monitoringApi.attachment, { params: { id: a.id } })}
                            target="_blank"
                            rel="noreferrer"
                            style={{ marginRight: 8 }}
                          >
                            <PaperClipOutlined /> {a.fileName}
                          </a>
                        ))}
                      </div>
                    ),
                  }))}
                />
              ),
            },
          ]}
        />
      </Card>
      <StepDialog
        detail={d}
        action={action}
        onClose={() => setAction(null)}
        onDone={(next) => {
          client.setQueryData(key, next);
          setAction(null);
        }}
      />
    </Space>
  );
}
