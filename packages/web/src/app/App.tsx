// Routes: sign-in is public; everything else needs a session and, first, a changed initial password.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Permission } from '@xiezuo/shared/roles';
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, Outlet, RouterProvider, useLocation, useNavigate } from 'react-router';
import { webModules } from '../modules';
import { AuthProvider, useAuth } from './auth';
import { ChangePasswordPage } from './ChangePasswordPage';
import { LoginPage } from './LoginPage';
import { type MenuEntry, WebModulesContext } from './modules';
import { Shell } from './Shell';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });

function RequireAuth() {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading) return <Spin style={{ display: 'block', margin: '30vh auto' }} />;
  if (!me) return <Navigate to="/login" replace />;
  if (me.mustChangePassword && location.pathname !== '/password') return <Navigate to="/password" replace />;
  return <Outlet />;
}

/** A page the role may not use: a 403 result instead of a page that looks as if it worked. */
function RequirePermission({ permission, page, children }: { permission: Permission; page?: string; children: ReactNode }) {
  const { me, can } = useAuth();
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (can(permission)) return children;
  return (
    <Result
      status="403"
      title={t('forbidden.title')}
      subTitle={t('forbidden.hint', { role: me ? t(`roles.${me.role}`) : '', page: page ? t(page) : '' })}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('forbidden.home')}
        </Button>
      }
      data-testid="forbidden"
    />
  );
}

// a route's permission: its own, else that of the menu entry with the same path
const menuByPath = new Map<string, MenuEntry>();
const walk = (entries: MenuEntry[]) => {
  for (const e of entries) {
    menuByPath.set(e.path, e);
    walk(e.children ?? []);
  }
};
walk(webModules.flatMap((m) => m.menu));
const routes = webModules
  .flatMap((m) => m.routes)
  .map((r) => {
    const permission = r.permission ?? menuByPath.get(r.path)?.permission;
    const page = r.labelKey ?? menuByPath.get(r.path)?.labelKey;
    return permission
      ? {
          path: r.path,
          element: (
            <RequirePermission permission={permission} page={page}>
              {r.element}
            </RequirePermission>
          ),
        }
      : { path: r.path, element: r.element };
  });

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <Shell />,
        children: [{ path: '/password', element: <ChangePasswordPage /> }, ...routes, { path: '*', element: <Navigate to="/" replace /> }],
      },
    ],
  },
]);

export function App() {
  const { i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  dayjs.locale(zh ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={zh ? zhCN : enUS} theme={{ token: { colorPrimary: '#c8102e', borderRadius: 6 } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <AuthProvider>
            <WebModulesContext.Provider value={webModules}>
              <RouterProvider router={router} />
            </WebModulesContext.Provider>
          </AuthProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
