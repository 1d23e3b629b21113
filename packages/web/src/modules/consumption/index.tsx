// 消费帮扶 pages: the sales ledger (采购/帮销 totals, duplicates to resolve), certified products, suppliers, matching fairs.
import { ShoppingCartOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/modules';

export const consumptionModule: WebModule = {
  key: 'consumption',
  menu: [
    {
      path: '/consumption',
      labelKey: 'consumption.nav.root',
      icon: <ShoppingCartOutlined />,
      permission: 'consumption.read',
      children: [
        { path: '/consumption/sales', labelKey: 'consumption.nav.sales', permission: 'consumption.read' },
        { path: '/consumption/products', labelKey: 'consumption.nav.products', permission: 'consumption.read' },
        { path: '/consumption/suppliers', labelKey: 'consumption.nav.suppliers', permission: 'consumption.read' },
        { path: '/consumption/fairs', labelKey: 'consumption.nav.fairs', permission: 'consumption.read' },
      ],
    },
  ],
  routes: [
    { path: '/consumption/sales', element: lazyPage(() => import('./SalesPage'), 'SalesPage') },
    { path: '/consumption/products', element: lazyPage(() => import('./ProductsPage'), 'ProductsPage') },
    { path: '/consumption/suppliers', element: lazyPage(() => import('./SuppliersPage'), 'SuppliersPage') },
    { path: '/consumption/fairs', element: lazyPage(() => import('./FairsPage'), 'FairsPage') },
  ],
};
