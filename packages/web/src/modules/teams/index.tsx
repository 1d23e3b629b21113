// Teams pages: the team tree with members by round, dispatched people, who is on duty, talent exchanges.
import { TeamOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/modules';
import { CadresPage } from './CadresPage';
import { ExchangesPage } from './ExchangesPage';
import { OnDutyPage } from './OnDutyPage';
import { TeamsPage } from './TeamsPage';

export const teamsModule: WebModule = {
  key: 'teams',
  menu: [
    {
      path: '/teams',
      labelKey: 'teams.nav.root',
      icon: <TeamOutlined />,
      permission: 'registry.read',
      children: [
        { path: '/teams/tree', labelKey: 'teams.nav.tree', permission: 'registry.read' },
        { path: '/teams/cadres', labelKey: 'teams.nav.cadres', permission: 'registry.read' },
        { path: '/teams/on-duty', labelKey: 'teams.nav.onDuty', permission: 'registry.read' },
        { path: '/teams/exchanges', labelKey: 'teams.nav.exchanges', permission: 'registry.read' },
      ],
    },
  ],
  routes: [
    { path: '/teams/tree', element: <TeamsPage /> },
    { path: '/teams/cadres', element: <CadresPage /> },
    { path: '/teams/on-duty', element: <OnDutyPage /> },
    { path: '/teams/exchanges', element: <ExchangesPage /> },
  ],
};
