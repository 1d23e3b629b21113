// 年度帮扶协议进度 on the dashboard (registered in the module's `dashboard` panels): the agreements of the year whose
// helper or helped side lies at the node shown, each target's live figure against it. Both sides see it on their
// own dashboards; the server lists only agreements with a side in the user's scope.
import { useQuery } from '@tanstack/react-query';
import { assessmentApi } from '@xiezuo/shared/contracts/assessment';
import { Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../app/api';
import { formatPercent } from '../../app/format';
import type { DashboardPanelProps } from '../../app/modules';
import { Signature, TargetProgress } from './agreementParts';

/** How many agreements the panel shows (a province's dashboard links to the rest). */
const SHOWN = 5;

export function AgreementsPanel({ node, year }: DashboardPanelProps) {
  const { t } = useTranslation();
  // a place's code prefix; '' at the top ('all': every agreement the user's scope reaches, no side of its own)
  const prefix = node === 'all' ? '' : node.startsWith('d:') ? node.slice(2) : undefined;
  const query = { year, division: prefix || undefined };
  const { data } = useQuery({
    queryKey: ['assessment', 'agreements', query],
    queryFn: () => call(assessmentApi.agreements, { query }),
    enabled: prefix != null, // a team's dashboard: its pairing's agreement is on its place's dashboards
    refetchInterval: 30_000,
  });
  if (prefix == null || !data?.length) return null;
  const all = `/assessment/agreements?${new URLSearchParams({ year: String(year), ...(prefix ? { division: prefix } : {}) })}`;
  return (
    <Card
      size="small"
      title={t('assessment.panel.title', { year })}
      extra={data.length > SHOWN ? <Link to={all}>{t('assessment.panel.all', { n: data.length })}</Link> : undefined}
      data-testid="agreement-panel"
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {data.slice(0, SHOWN).map((a) => {
          // which side the node is (both, for a pairing inside one province seen from it: no tag)
          const helper = a.helperDivisionCode.startsWith(prefix);
          const ours = !prefix || (helper && a.helpedDivisionCode.startsWith(prefix)) ? undefined : helper ? 'helper' : 'helped';
          return (
            <div key={a.id} data-testid={`agreement-progress-${a.id}`}>
              <Space wrap size={[8, 4]} style={{ marginBottom: 8 }}>
                <Link to={`/assessment/agreements/${a.id}`}>
                  <Typography.Text strong>{`${a.helperName} → ${a.helpedName}`}</Typography.Text>
                </Link>
                {ours && <Tag color={ours === 'helper' ? 'blue' : 'purple'}>{t(`assessment.panel.${ours}`)}</Tag>}
                <Typography.Text type="secondary">
                  {t('assessment.agreement.overall')} {formatPercent(a.progress)}
                </Typography.Text>
                <Signature a={a} side="helper" />
                <Signature a={a} side="helped" />
              </Space>
              <TargetProgress targets={a.targets} />
            </div>
          );
        })}
      </Space>
    </Card>
  );
}
