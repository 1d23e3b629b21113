// 产业协作 pages: introduced enterprises with their investment timeline, assistance workshops with their workers,
// co-built parks.
import { ShopOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/modules';

export const industryModule: WebModule = {
  key: 'industry',
  menu: [
    {
      path: '/industry',
      labelKey: 'industry.nav.root',
      icon: <ShopOutlined />,
      permission: 'industry.read',
      children: [
        { path: '/industry/enterprises', labelKey: 'industry.nav.enterprises', permission: 'industry.read' },
        { path: '/industry/workshops', labelKey: 'industry.nav.workshops', permission: 'industry.read' },
        { path: '/industry/parks', labelKey: 'industry.nav.parks', permission: 'industry.read' },
      ],
    },
  ],
  routes: [
    { path: '/industry/enterprises', element: lazyPage(() => import('./EnterprisesPage'), 'EnterprisesPage') },
    { path: '/industry/workshops', element: lazyPage(() => import('./WorkshopsPage'), 'WorkshopsPage') },
    { path: '/industry/parks', element: lazyPage(() => import('./ParksPage'), 'ParksPage') },
  ],
};
