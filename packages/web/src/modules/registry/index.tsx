// Registry pages: divisions, units, programmes, pairings (with counts) and the pairing map.
import { ApartmentOutlined } from '@ant-design/icons';
import { lazy, Suspense } from 'react';
import type { WebModule } from '../../app/modules';
import { DivisionsPage } from './DivisionsPage';
import { PairingsPage } from './PairingsPage';
import { ProgrammesPage } from './ProgrammesPage';
import { UnitsPage } from './UnitsPage';

// The map pulls in ECharts and the province GeoJSON: load it only when opened.
const PairingMapPage = lazy(() => import('./PairingMapPage').then((m) => ({ default: m.PairingMapPage })));

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
    { path: '/registry/map', element: <Suspense fallback={null}><PairingMapPage /></Suspense> },
    { path: '/registry/pairings', element: <PairingsPage /> },
    { path: '/registry/divisions', element: <DivisionsPage /> },
    { path: '/registry/units', element: <UnitsPage /> },
    { path: '/registry/programmes', element: <ProgrammesPage /> },
  ],
};
