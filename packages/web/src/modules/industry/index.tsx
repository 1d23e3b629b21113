// 产业协作 pages: introduced enterprises (each with its investment timeline and workers), assistance workshops
// (each with its workers), co-built parks, the map of enterprises and workshops over the pairing map, and the
// ranking of helper cities by investment in place.
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
        { path: '/industry/map', labelKey: 'industry.nav.map', permission: 'industry.read' },
        { path: '/industry/ranking', labelKey: 'industry.nav.ranking', permission: 'industry.read' },
      ],
    },
  ],
  routes: [
    { path: '/industry/enterprises', element: lazyPage(() => import('./EnterprisesPage'), 'EnterprisesPage') },
    { path: '/industry/enterprises/:id', element: lazyPage(() => import('./EnterprisePage'), 'EnterprisePage') },
    { path: '/industry/workshops', element: lazyPage(() => import('./WorkshopsPage'), 'WorkshopsPage') },
    { path: '/industry/workshops/:id', element: lazyPage(() => import('./WorkshopPage'), 'WorkshopPage') },
    { path: '/industry/parks', element: lazyPage(() => import('./ParksPage'), 'ParksPage') },
    { path: '/industry/map', element: lazyPage(() => import('./IndustryMapPage'), 'IndustryMapPage') }, // ECharts and the province GeoJSON
    { path: '/industry/ranking', element: lazyPage(() => import('./RankingPage'), 'RankingPage') },
  ],
};
