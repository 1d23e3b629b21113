// The frame around every page: side menu by module, scope and language in the header, user menu.
// On a phone the menu is a drawer (with a backdrop), and whoever records visits (monitoring.write: the
// village and town cadres) gets a bottom bar with 待办, 走访 and 监测户 — one tap from anywhere.
import {
  CarryOutOutlined,
  EditOutlined,
  GlobalOutlined,
  HomeOutlined as HouseholdsIcon,
  KeyOutlined,
  LogoutOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { authApi } from '@xiezuo/shared/contracts/auth';
import { Avatar, Button, Drawer, Dropdown, Grid, Layout, Menu, Segmented, Tag, Typography } from 'antd';
import type { ItemType } from 'antd/es/menu/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { webModules } from '../modules';
import { call } from './api';
import { useAuth } from './auth';
import { switchLanguage } from './i18n';
import type { MenuEntry } from './modules';
import { onSignedOut } from './offlineSession';

const BOTTOM = [
  { path: '/monitoring/worklist', labelKey: 'shell.todo', icon: <CarryOutOutlined /> },
  { path: '/monitoring/visit', labelKey: 'shell.visit', icon: <EditOutlined /> },
  { path: '/monitoring/households', labelKey: 'shell.households', icon: <HouseholdsIcon /> },
];

export function Shell() {
  const { t, i18n } = useTranslation();
  const { me, can } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [collapsed, setCollapsed] = useState(phone);
  const [drawer, setDrawer] = useState(false);

  const toItem = (e: MenuEntry): ItemType | null => {
    if (e.permission && !can(e.permission)) return null;
    const children = e.children?.map(toItem).filter(Boolean) as ItemType[] | undefined;
    if (e.children && !children?.length) return null;
    return { key: e.path, icon: e.icon, label: t(e.labelKey), children };
  };
  const items = webModules.flatMap((m) => m.menu.map(toItem)).filter(Boolean) as ItemType[];
  const selected = `/${location.pathname.split('/').filter(Boolean).slice(0, 2).join('/')}`;

  const signOut = async () => {
    await onSignedOut(); // wipes the offline key; a queue not yet uploaded stays encrypted for this user's next sign-in
    await call(authApi.logout).catch(() => {});
    client.clear();
    navigate('/login');
  };

  const bottomBar = phone && can('monitoring.write');

  const scope = me?.scope;
  const scopeText = scope?.all
    ? t('shell.allScope')
    : [...(scope?.divisions ?? []).map((d) => d.name), ...(scope?.teams ?? []).slice(0, 3).map((x) => x.name)].join('、');

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        <Drawer
          placement="left"
          open={drawer}
          onClose={() => setDrawer(false)}
          width={240}
          title={t('app.name')}
          styles={{ body: { padding: 0 } }}
          data-testid="menu-drawer"
        >
          <Menu
            mode="inline"
            selectedKeys={[location.pathname, selected]}
            defaultOpenKeys={[selected.split('/').slice(0, 2).join('/')]}
            items={items}
            onClick={(e) => {
              navigate(e.key);
              setDrawer(false);
            }}
          />
        </Drawer>
      ) : (
        <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="md" collapsedWidth={64} width={208}>
          <div style={{ color: '#fff', fontSize: 18, fontWeight: 600, padding: '16px 20px', whiteSpace: 'nowrap' }}>
            {collapsed ? '协' : t('app.name')}
          </div>
          <Menu theme="dark" mode="inline" selectedKeys={[location.pathname, selected]} items={items} onClick={(e) => navigate(e.key)} />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 12px',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          {phone && (
            <Button type="text" aria-label={t('shell.menu')} onClick={() => setDrawer(true)} data-testid="menu-button">
              ☰
            </Button>
          )}
          <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 0 }} data-testid="scope">
            {!phone && <span style={{ color: '#888', fontWeight: 400 }}>{t('shell.scope')}：</span>}
            <Tag color="blue">{scopeText || '—'}</Tag>
          </Typography.Text>
          <Segmented
            size="small"
            aria-label={t('nav.language')}
            value={i18n.language}
            onChange={(v) => switchLanguage(v as 'zh-CN' | 'en')}
            options={[
              { label: '中文', value: 'zh-CN' },
              { label: 'EN', value: 'en', icon: phone ? undefined : <GlobalOutlined /> },
            ]}
          />
          <Dropdown
            menu={{
              items: [
                { key: 'role', label: t(`roles.${me?.role}`), disabled: true },
                { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword'), onClick: () => navigate('/password') },
                { key: 'logout', icon: <LogoutOutlined />, label: t('auth.signOut'), onClick: signOut },
              ],
            }}
          >
            <Button type="text" data-testid="user-menu" icon={<Avatar size="small" icon={<UserOutlined />} />}>
              {!phone && me?.displayName}
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content style={{ margin: phone ? 8 : 16, paddingBottom: bottomBar ? 64 : 0 }}>
          <Outlet />
        </Layout.Content>
        {bottomBar && (
          <nav
            data-testid="bottom-bar"
            style={{
              position: 'fixed',
              left: 0,
              right: 0,
              bottom: 0,
              zIndex: 30,
              display: 'flex',
              background: '#fff',
              borderTop: '1px solid #f0f0f0',
              paddingBottom: 'env(safe-area-inset-bottom)',
            }}
          >
            {BOTTOM.map((b) => {
              const on = location.pathname.startsWith(b.path);
              return (
                <a
                  key={b.path}
                  href={b.path}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(b.path);
                  }}
                  style={{
                    flex: 1,
                    display: 'flex',
                    flexDirection: 'column',
                    alignItems: 'center',
                    padding: '6px 0',
                    fontSize: 12,
                    color: on ? '#c8102e' : '#595959',
                  }}
                >
                  <span style={{ fontSize: 20 }}>{b.icon}</span>
                  {t(b.labelKey)}
                </a>
              );
            })}
          </nav>
        )}
      </Layout>
    </Layout>
  );
}
