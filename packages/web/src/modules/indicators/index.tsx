// Indicators pages: the dashboard (also the landing page, see platform/HomePage), targets and reports.
import { BarChartOutlined } from '@ant-design/icons';
import { lazy, Suspense } from 'react';
import { lazyPage, type WebModule } from '../../app/modules';

// The dashboard pulls in ECharts and the province outlines: load it when first shown.
export const LazyDashboard = lazy(() => import('./DashboardPage').then((m) => ({ default: m.DashboardPage })));
export const Dashboard = () => (
  <Suspense fallback={null}>
    <LazyDashboard />
  </Suspense>
);

export const indicatorsModule: WebModule = {
  key: 'indicators',
  menu: [
    {
      path: '/indicators',
      labelKey: 'indicators.nav.dashboard',
      icon: <BarChartOutlined />,
      permission: 'indicators.read',
      children: [
        { path: '/indicators/dashboard', labelKey: 'indicators.nav.dashboard', permission: 'indicators.read' },
        { path: '/indicators/targets', labelKey: 'indicators.nav.targets', permission: 'indicators.read' },
        { path: '/indicators/reports', labelKey: 'indicators.nav.reports', permission: 'indicators.read' },
      ],
    },
  ],
  routes: [
    { path: '/indicators/dashboard', element: <Dashboard /> },
    { path: '/indicators/targets', element: lazyPage(() => import('./TargetsPage'), 'TargetsPage') },
    { path: '/indicators/reports', element: lazyPage(() => import('./ReportsPage'), 'ReportsPage') },
  ],
};
