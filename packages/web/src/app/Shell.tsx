// The frame around every page: side menu by module, scope and language in the header, user menu.
import { GlobalOutlined, LogoutOutlined, KeyOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Avatar, Button, Dropdown, Grid, Layout, Menu, Segmented, Tag, Typography } from 'antd';
import type { ItemType } from 'antd/es/menu/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { webModules } from '../modules';
import { authApi } from '@xiezuo/shared/contracts/auth';
import { call } from './api';
import { useAuth } from './auth';
import { switchLanguage } from './i18n';
import type { MenuEntry } from './modules';

export function Shell() {
  const { t, i18n } = useTranslation();
  const { me, can } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [collapsed, setCollapsed] = useState(phone);

  const toItem = (e: MenuEntry): ItemType | null => {
    if (e.permission && !can(e.permission)) return null;
    const children = e.children?.map(toItem).filter(Boolean) as ItemType[] | undefined;
    if (e.children && !children?.length) return null;
    return { key: e.path, icon: e.icon, label: t(e.labelKey), children };
  };
  const items = webModules.flatMap((m) => m.menu.map(toItem)).filter(Boolean) as ItemType[];
  const selected = '/' + location.pathname.split('/').filter(Boolean).slice(0, 2).join('/');

  const signOut = async () => {
    await call(authApi.logout).catch(() => {});
    client.clear();
    navigate('/login');
  };

  const scope = me?.scope;
  const scopeText = scope?.all ? t('shell.allScope') : [...(scope?.divisions ?? []).map((d) => d.name), ...(scope?.teams ?? []).slice(0, 3).map((x) => x.name)].join('、');

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="md"
        collapsedWidth={phone ? 0 : 64}
        width={208}
        trigger={phone ? null : undefined}
        style={phone ? { position: 'fixed', height: '100vh', zIndex: 20, left: 0, top: 0 } : undefined}
      >
        <div style={{ color: '#fff', fontSize: 18, fontWeight: 600, padding: '16px 20px', whiteSpace: 'nowrap' }}>{collapsed ? '协' : t('app.name')}</div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[location.pathname, selected]}
          items={items}
          onClick={(e) => {
            navigate(e.key);
            if (phone) setCollapsed(true);
          }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 12px', display: 'flex', alignItems: 'center', gap: 8, borderBottom: '1px solid #f0f0f0' }}>
          {phone && (
            <Button type="text" aria-label="menu" onClick={() => setCollapsed(!collapsed)}>
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
        <Layout.Content style={{ margin: phone ? 8 : 16 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
