// What a web module contributes: menu entries, routes and panels for the dashboard. Each module folder exports one of these.
import type { Permission } from '@xiezuo/shared/roles';
import { Spin } from 'antd';
import { type ComponentType, createContext, lazy, type ReactNode, Suspense, useContext } from 'react';

export interface MenuEntry {
  path: string;
  labelKey: string; // catalogue key
  icon?: ReactNode;
  permission?: Permission;
  children?: MenuEntry[];
}

export interface WebModule {
  key: string;
  menu: MenuEntry[];
  /** A route with a permission shows a 403 result to a user whose role lacks it (the server refuses its calls too). */
  routes: { path: string; element: ReactNode; permission?: Permission; labelKey?: string }[];
  /** Panels the dashboard shows under its KPI cards, for users with the permission (the assessment's agreement progress). */
  dashboard?: DashboardPanel[];
}

/** What the dashboard tells a module's panel: the node shown (d:4412 or t:5) and the period (H2026-1 …) with its year. */
export interface DashboardPanelProps {
  node: string;
  period: string;
  year: number;
}

export interface DashboardPanel {
  key: string;
  permission?: Permission;
  /** Loaded when first shown (its own chunk): `lazy(() => import('./XPanel').then((m) => ({ default: m.XPanel })))`. */
  component: ComponentType<DashboardPanelProps>;
}

/**
 * The web's module list, given by the app (App.tsx) to pages that gather what modules contribute — the dashboard
 * reads its panels here, so the indicators module imports no other module (and modules/index.ts no page).
 */
export const WebModulesContext = createContext<WebModule[]>([]);
export const useDashboardPanels = () => useContext(WebModulesContext).flatMap((m) => m.dashboard ?? []);

/**
 * A page loaded when first opened (its own chunk), so a phone that opens the visit form never downloads
 * the dashboard's charts or the map: `{ path, element: lazyPage(() => import('./XPage'), 'XPage') }`.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ReactNode {
  const Page: ComponentType = lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: '20vh auto' }} />}>
      <Page />
    </Suspense>
  );
}
