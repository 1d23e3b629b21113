// Registry pages: divisions, units, programmes, pairings (with counts) and the pairing map.
import { ApartmentOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/modules';

export const registryModule: WebModule = {
  key: 'registry',
  menu: [
    {
      path: '/registry',
      labelKey: 'nav.registry',
      icon: <ApartmentOutlined />,
      permission: 'registry.read',
      children: [
        { path: '/registry/map', labelKey: 'registry.nav.map', permission: 'registry.read' },
        { path: '/registry/pairings', labelKey: 'registry.nav.pairings', permission: 'registry.read' },
        { path: '/registry/divisions', labelKey: 'registry.nav.divisions', permission: 'registry.read' },
        { path: '/registry/units', labelKey: 'registry.nav.units', permission: 'registry.read' },
        { path: '/registry/programmes', labelKey: 'registry.nav.programmes', permission: 'registry.read' },
      ],
    },
  ],
  routes: [
    { path: '/registry/map', element: lazyPage(() => import('./PairingMapPage'), 'PairingMapPage') }, // ECharts and the province GeoJSON
    { path: '/registry/pairings', element: lazyPage(() => import('./PairingsPage'), 'PairingsPage') },
    { path: '/registry/divisions', element: lazyPage(() => import('./DivisionsPage'), 'DivisionsPage') },
    { path: '/registry/units', element: lazyPage(() => import('./UnitsPage'), 'UnitsPage') },
    { path: '/registry/programmes', element: lazyPage(() => import('./ProgrammesPage'), 'ProgrammesPage') },
  ],
};
