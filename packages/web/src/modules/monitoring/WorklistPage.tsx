// 我的待办: households due for a visit, steps waiting for this user's review, measures nobody followed up.
import { useQuery } from '@tanstack/react-query';
import { monitoringApi } from '@xiezuo/shared/contracts/monitoring';
import { Badge, Card, Col, List, Row, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatDate } from '../../app/format';

export function WorklistPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { data, isLoading } = useQuery({ queryKey: ['monitoring', 'worklist'], queryFn: () => call(monitoringApi.worklist) });
  const title = (key: string, n?: number) => (
    <Space>
      {t(key)}
      <Badge count={n ?? 0} showZero overflowCount={999} color={n ? '#fa541c' : '#d9d9d9'} />
    </Space>
  );
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={8}>
        <Card title={title('monitoring.worklist.reviews', data?.reviews.length)} loading={isLoading} data-testid="worklist-reviews">
          <List
            size="small"
            dataSource={data?.reviews}
            pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
            renderItem={(r) => (
              <List.Item>
                <List.Item.Meta
                  title={<Link to={`/monitoring/households/${r.id}`}>{r.headName}</Link>}
                  description={
                    <Space size={2} wrap>
                      {r.village}
                      {r.stage && <Tag>{t(`monitoring.stages.${r.stage}`)}</Tag>}
                      {r.actions
                        .filter((a) => a !== 'return' && a !== 'reject')
                        .map((a) => (
                          <Tag color="blue" key={a}>
                            {t(`monitoring.actions.${a}`)}
                          </Tag>
                        ))}
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card
          title={title('monitoring.worklist.dueVisits', data?.dueVisits.length)}
          extra={data && <small>{t('monitoring.worklist.interval', { days: data.intervalDays })}</small>}
          loading={isLoading}
        >
          <List
            size="small"
            dataSource={data?.dueVisits}
            pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
            renderItem={(r) => (
              <List.Item
                actions={
                  can('monitoring.write')
                    ? [
                        <Link key="v" to={`/monitoring/visit/${r.id}`}>
                          {t('monitoring.visit.new')}
                        </Link>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={<Link to={`/monitoring/households/${r.id}`}>{r.headName}</Link>}
                  description={`${r.village ?? ''} · ${t('monitoring.household.lastVisit')} ${formatDate(r.lastVisitOn)}`}
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card title={title('monitoring.worklist.measures', data?.measures.length)} loading={isLoading}>
          <List
            size="small"
            dataSource={data?.measures}
            pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
            renderItem={(m) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Link to={`/monitoring/households/${m.householdId}`}>{`${m.headName} · ${t(`monitoring.measures.${m.kind}`)}`}</Link>
                  }
                  description={`${m.description} · ${t('monitoring.measure.lastFollowUp')} ${formatDate(m.lastFollowUpOn)}`}
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
