// 议定事项: the worklist — decisions past their due date and not done (by default), for the owner team and HQ alike —
// with the decisions ledger's import and export.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { DECISION_STATES, type DecisionState, SOCIAL_LEDGERS, socialApi } from '@xiezuo/shared/contracts/social';
import { Card, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { LedgerExportButton, LedgerImportButton } from '../../platform/ledgers';
import { DecisionsTable } from './DecisionsTable';

export function DecisionsPage() {
  const { t } = useTranslation();
  const [state, setState] = useState<DecisionState | 'all'>('overdue');
  const client = useQueryClient();
  const { data } = useQuery({
    queryKey: ['social', 'decisions', state],
    queryFn: () => call(socialApi.decisions, { query: { state: state === 'all' ? undefined : state, pageSize: 500 } }),
  });
  return (
    <Card title={state === 'overdue' ? t('social.decisions.worklist') : t('social.decisions.title')}>
      {/* the controls above the table, not in the card's header: on a phone they wrap instead of squeezing the title */}
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={state}
          onChange={(v) => setState(v as DecisionState | 'all')}
          options={[
            ...DECISION_STATES.map((s) => ({ value: s, label: t(`social.states.${s}`) })),
            { value: 'all', label: t('social.decisions.all') },
          ]}
        />
        <LedgerImportButton
          ledgerKey={SOCIAL_LEDGERS.decisions}
          permission="social.write"
          onCommitted={() => void client.invalidateQueries({ queryKey: ['social'] })}
        />
        <LedgerExportButton ledgerKey={SOCIAL_LEDGERS.decisions} />
      </Space>
      <DecisionsTable rows={data?.items ?? []} showMeeting />
    </Card>
  );
}
