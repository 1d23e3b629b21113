// Funds pages: projects (list, detail with timeline, money and beneficiaries) and fund allocations.
import { MoneyCollectOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/modules';

export const fundsModule: WebModule = {
  key: 'funds',
  menu: [
    {
      path: '/funds',
      labelKey: 'funds.nav.root',
      icon: <MoneyCollectOutlined />,
      permission: 'funds.read',
      children: [
        { path: '/funds/projects', labelKey: 'funds.nav.projects', permission: 'funds.read' },
        { path: '/funds/allocations', labelKey: 'funds.nav.allocations', permission: 'funds.read' },
      ],
    },
  ],
  routes: [
    { path: '/funds/projects', element: lazyPage(() => import('./ProjectsPage'), 'ProjectsPage') },
    { path: '/funds/projects/:id', element: lazyPage(() => import('./ProjectDetailPage'), 'ProjectDetailPage') },
    { path: '/funds/allocations', element: lazyPage(() => import('./AllocationsPage'), 'AllocationsPage') },
  ],
};
