// 防返贫监测 pages: households, one household, the worklist and the phone visit form.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/modules';
import { registerOfflineSession } from '../../app/offlineSession';
import { offlineSession, startAutoUpload } from './offline/session';

// 离线走访: the queue's key follows the session, and the queue uploads by itself when the signal returns
registerOfflineSession(offlineSession);
startAutoUpload();

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
        { path: '/monitoring/field', labelKey: 'monitoring.nav.field', permission: 'monitoring.write' },
        { path: '/monitoring/lines', labelKey: 'monitoring.nav.lines', permission: 'monitoring.read' },
      ],
    },
  ],
  routes: [
    { path: '/monitoring/worklist', element: lazyPage(() => import('./WorklistPage'), 'WorklistPage') },
    { path: '/monitoring/households', element: lazyPage(() => import('./HouseholdListPage'), 'HouseholdListPage') },
    { path: '/monitoring/households/:id', element: lazyPage(() => import('./HouseholdDetailPage'), 'HouseholdDetailPage') },
    { path: '/monitoring/visit', element: lazyPage(() => import('./VisitFormPage'), 'VisitFormPage') },
    { path: '/monitoring/visit/:id', element: lazyPage(() => import('./VisitFormPage'), 'VisitFormPage') },
    { path: '/monitoring/field', element: lazyPage(() => import('./offline/FieldPage'), 'FieldPage') },
    { path: '/monitoring/field', element: lazyPage(() => import('./offline/FieldPage'), 'FieldPage') },
    { path: '/monitoring/lines', element: lazyPage(() => import('./LinesPage'), 'LinesPage') },
  ],
};
