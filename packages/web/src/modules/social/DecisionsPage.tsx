// 议定事项: the worklist — decisions past their due date and not done (by default), for the owner team and HQ alike.

import { useQuery } from '@tanstack/react-query';
import { DECISION_STATES, type DecisionState, socialApi } from '@xiezuo/shared/contracts/social';
import { Card, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { DecisionsTable } from './DecisionsTable';

export function DecisionsPage() {
  const { t } = useTranslation();
  const [state, setState] = useState<DecisionState | 'all'>('overdue');
  const { data } = useQuery({
    queryKey: ['social', 'decisions', state],
    queryFn: () => call(socialApi.decisions, { query: { state: state === 'all' ? undefined : state, pageSize: 500 } }),
  });
  return (
    <Card
      title={state === 'overdue' ? t('social.decisions.worklist') : t('social.decisions.title')}
      extra={
        <Segmented
          value={state}
          onChange={(v) => setState(v as DecisionState | 'all')}
          options={[
            ...DECISION_STATES.map((s) => ({ value: s, label: t(`social.states.${s}`) })),
            { value: 'all', label: t('social.decisions.all') },
          ]}
        />
      }
    >
      <DecisionsTable rows={data?.items ?? []} showMeeting />
    </Card>
  );
}
