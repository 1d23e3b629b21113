// 劳务协作 pages: the 脱贫人口名册, the employment ledger, order classes, trainings, labour stations and brands.
import { SolutionOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/modules';

export const labourModule: WebModule = {
  key: 'labour',
  menu: [
    {
      path: '/labour',
      labelKey: 'labour.nav.root',
      icon: <SolutionOutlined />,
      permission: 'labour.read',
      children: [
        { path: '/labour/classes', labelKey: 'labour.nav.classes', permission: 'labour.read' },
        { path: '/labour/employments', labelKey: 'labour.nav.employments', permission: 'labour.read' },
        { path: '/labour/trainings', labelKey: 'labour.nav.trainings', permission: 'labour.read' },
        { path: '/labour/stations', labelKey: 'labour.nav.stations', permission: 'labour.read' },
        { path: '/labour/brands', labelKey: 'labour.nav.brands', permission: 'labour.read' },
        { path: '/labour/roster', labelKey: 'labour.nav.roster', permission: 'labour.read' },
      ],
    },
  ],
  routes: [
    { path: '/labour/classes', element: lazyPage(() => import('./OrderClassesPage'), 'OrderClassesPage') },
    { path: '/labour/employments', element: lazyPage(() => import('./EmploymentsPage'), 'EmploymentsPage') },
    { path: '/labour/trainings', element: lazyPage(() => import('./TrainingsPage'), 'TrainingsPage') },
    { path: '/labour/stations', element: lazyPage(() => import('./StationsPage'), 'StationsPage') },
    { path: '/labour/brands', element: lazyPage(() => import('./StationsPage'), 'BrandsPage') },
    { path: '/labour/roster', element: lazyPage(() => import('./RosterPage'), 'RosterPage') },
  ],
};
