// Platform pages: home, users, sessions, the holiday calendar and the audit log.
import { AuditOutlined, HomeOutlined, SettingOutlined } from '@ant-design/icons';
import type { WebModule } from '../app/modules';
import { AuditPage } from './AuditPage';
import { CalendarPage } from './CalendarPage';
import { HomePage } from './HomePage';
import { SessionsPage } from './SessionsPage';
import { UsersPage } from './UsersPage';

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
    { path: '/admin/users', element: <UsersPage />, permission: 'admin.users', labelKey: 'nav.users' },
    { path: '/admin/sessions', element: <SessionsPage />, permission: 'admin.users', labelKey: 'nav.sessions' },
    { path: '/admin/calendar', element: <CalendarPage />, permission: 'admin.calendar', labelKey: 'nav.calendar' },
    { path: '/audit', element: <AuditPage />, permission: 'audit.read', labelKey: 'nav.audit' },
  ],
};
