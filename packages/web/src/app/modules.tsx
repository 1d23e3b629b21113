// What a web module contributes: menu entries and routes. Each module folder exports one of these.
import type { Permission } from '@xiezuo/shared/roles';
import { Spin } from 'antd';
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';

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
}

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
