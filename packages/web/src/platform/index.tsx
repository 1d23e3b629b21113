// Platform pages: home, users, sessions, the holiday calendar and the audit log.
import { AuditOutlined, HomeOutlined, SettingOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../app/modules';
import { HomePage } from './HomePage';

export const homeModule: WebModule = {
  key: 'home',
  menu: [{ path: '/', labelKey: 'nav.home', icon: <HomeOutlined /> }],
  routes: [{ path: '/', element: <HomePage /> }],
};

export const adminModule: WebModule = {
  key: 'admin',
  menu: [
    {
      path: '/admin',
      labelKey: 'nav.admin',
      icon: <SettingOutlined />,
      children: [
        { path: '/admin/users', labelKey: 'nav.users', permission: 'admin.users' },
        { path: '/admin/sessions', labelKey: 'nav.sessions', permission: 'admin.users' },
        { path: '/admin/calendar', labelKey: 'nav.calendar', permission: 'admin.calendar' },
      ],
    },
    { path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
  ],
  routes: [
    { path: '/admin/users', element: lazyPage(() => import('./UsersPage'), 'UsersPage'), permission: 'admin.users', labelKey: 'nav.users' },
    {
      path: '/admin/sessions',
      element: lazyPage(() => import('./SessionsPage'), 'SessionsPage'),
      permission: 'admin.users',
      labelKey: 'nav.sessions',
    },
    {
      path: '/admin/calendar',
      element: lazyPage(() => import('./CalendarPage'), 'CalendarPage'),
      permission: 'admin.calendar',
      labelKey: 'nav.calendar',
    },
    { path: '/audit', element: lazyPage(() => import('./AuditPage'), 'AuditPage'), permission: 'audit.read', labelKey: 'nav.audit' },
  ],
};
