// Teams pages: the team tree with members by round, dispatched people, who is on duty, talent exchanges.
import { TeamOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/modules';

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
    { path: '/teams/tree', element: lazyPage(() => import('./TeamsPage'), 'TeamsPage') },
    { path: '/teams/cadres', element: lazyPage(() => import('./CadresPage'), 'CadresPage') },
    { path: '/teams/on-duty', element: lazyPage(() => import('./OnDutyPage'), 'OnDutyPage') },
    { path: '/teams/exchanges', element: lazyPage(() => import('./ExchangesPage'), 'ExchangesPage') },
  ],
};
