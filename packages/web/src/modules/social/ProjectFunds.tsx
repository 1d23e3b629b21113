// 社会帮扶资金 on a project's page (资金项目模块): the social funds that name the project, by donor — read from the
// social module's own list (filtered by the project's code), shown only to users who may read it.
import { useQuery } from '@tanstack/react-query';
import { socialApi } from '@xiezuo/shared/contracts/social';
import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatAmount, formatDate } from '../../app/format';

function Funds({ code }: { code: string }) {
  const { t } = useTranslation();
  const { data } = useQuery({
    queryKey: ['social', 'funds', 'project', code],
    queryFn: () => call(socialApi.funds, { query: { projectCode: code, pageSize: 100 } }),
  });
  const f = (k: string) => t(`social.fields.${k}`);
  const totals = data?.totals;
  return (
    <Card
      size="small"
      title={`${t('social.funds.raisedFor')}（${f('pledged')} ${formatAmount(totals?.pledged ?? 0)}，${f('received')} ${formatAmount(totals?.received ?? 0)}）`}
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 500 }}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('social.funds.noneForProject') }}
        columns={[
          { title: f('donor'), render: (_, r) => r.donorName },
          { title: f('pledgedOn'), render: (_, r) => formatDate(r.pledgedOn) },
          { title: f('pledged'), align: 'right', render: (_, r) => formatAmount(r.pledgedAmount) },
          { title: f('received'), align: 'right', render: (_, r) => formatAmount(r.receivedAmount) },
        ]}
      />
    </Card>
  );
}

export function ProjectFunds({ code }: { code: string }) {
  const { can } = useAuth();
  return can('social.read') ? <Funds code={code} /> : null;
}
