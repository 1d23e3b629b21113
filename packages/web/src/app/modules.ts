// What a web module contributes: menu entries and routes. Each module folder exports one of these.
import type { Permission } from '@xiezuo/shared/roles';
import type { ReactNode } from 'react';

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
