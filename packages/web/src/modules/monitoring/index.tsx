// 防返贫监测 pages: households, one household, the worklist and the phone visit form.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/modules';
import { HouseholdDetailPage } from './HouseholdDetailPage';
import { HouseholdListPage } from './HouseholdListPage';
import { LinesPage } from './LinesPage';
import { VisitFormPage } from './VisitFormPage';
import { WorklistPage } from './WorklistPage';

export const monitoringModule: WebModule = {
  key: 'monitoring',
  menu: [
    {
      path: '/monitoring',
      labelKey: 'monitoring.nav.root',
      icon: <SafetyCertificateOutlined />,
      permission: 'monitoring.read',
      children: [
        { path: '/monitoring/worklist', labelKey: 'monitoring.nav.worklist', permission: 'monitoring.read' },
        { path: '/monitoring/households', labelKey: 'monitoring.nav.households', permission: 'monitoring.read' },
        { path: '/monitoring/visit', labelKey: 'monitoring.nav.visit', permission: 'monitoring.write' },
        { path: '/monitoring/lines', labelKey: 'monitoring.nav.lines', permission: 'monitoring.read' },
      ],
    },
  ],
  routes: [
    { path: '/monitoring/worklist', element: <WorklistPage /> },
    { path: '/monitoring/households', element: <HouseholdListPage /> },
    { path: '/monitoring/households/:id', element: <HouseholdDetailPage /> },
    { path: '/monitoring/visit', element: <VisitFormPage /> },
    { path: '/monitoring/visit/:id', element: <VisitFormPage /> },
    { path: '/monitoring/lines', element: <LinesPage /> },
  ],
};
