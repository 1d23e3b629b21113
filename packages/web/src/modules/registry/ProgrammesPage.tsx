// 协作项目: each programme with its period, phases and focus, and how many pairings it holds.
import { useQueryClient } from '@tanstack/react-query';
import { REGISTRY_LEDGERS } from '@xiezuo/shared/contracts/registry';
import { Card, Col, Descriptions, Row, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { formatDate } from '../../app/format';
import { LedgerExportButton, LedgerImportButton } from '../../platform/ledgers/LedgerButtons';
import { useProgrammes } from './data';

export function ProgrammesPage() {
  const { t } = useTranslation();
  const { data, isLoading } = useProgrammes();
  const client = useQueryClient();
  const { me } = useAuth();
  return (
    <Row gutter={[12, 12]}>
      <Col span={24}>
        {/* 协作项目台账: the server lets only HQ and admin (registry.reference) with the whole scope import */}
        <Space wrap>
          {me?.scope.all && (
            <LedgerImportButton
              ledgerKey={REGISTRY_LEDGERS.programmes}
              permission="registry.reference"
              onCommitted={() => void client.invalidateQueries({ queryKey: ['registry', 'programmes'] })}
            />
          )}
          <LedgerExportButton ledgerKey={REGISTRY_LEDGERS.programmes} />
        </Space>
      </Col>
      {isLoading && (
        <Col span={24}>
          <Card loading />
        </Col>
      )}
      {(data ?? []).map((p) => (
        <Col key={p.id} xs={24} md={12} xl={8}>
          <Card
            title={p.name}
            size="small"
            extra={<Tag color={p.kind === 'east_west' ? 'blue' : 'green'}>{t(`registry.programmeKinds.${p.kind}`)}</Tag>}
          >
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('registry.fields.period')}>
                {formatDate(p.startDate)} – {p.endDate ? formatDate(p.endDate) : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('registry.fields.pairings')}>
                <Link to={`/registry/pairings?programmeId=${p.id}`}>{p.pairingCount}</Link>
              </Descriptions.Item>
            </Descriptions>
            {p.description && <Typography.Paragraph type="secondary">{p.description}</Typography.Paragraph>}
            {p.phases.length > 0 && (
              <Timeline
                items={p.phases.map((ph) => ({
                  children: (
                    <>
                      <Typography.Text strong>{ph.name}</Typography.Text>（{formatDate(ph.startDate)} –{' '}
                      {ph.endDate ? formatDate(ph.endDate) : ''}）<div>{ph.focus}</div>
                    </>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
