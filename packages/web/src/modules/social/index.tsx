// Social pages: donations, social funds, meetings with their decisions (the overdue ones are the worklist),
// high-level visits and publicity.
import { HeartOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/modules';

const page = (path: string, labelKey: string) => ({ path, labelKey, permission: 'social.read' as const });

export const socialModule: WebModule = {
  key: 'social',
  menu: [
    {
      path: '/social',
      labelKey: 'social.nav.root',
      icon: <HeartOutlined />,
      permission: 'social.read',
      children: [
        page('/social/donations', 'social.nav.donations'),
        page('/social/funds', 'social.nav.funds'),
        page('/social/meetings', 'social.nav.meetings'),
        page('/social/decisions', 'social.nav.decisions'),
        page('/social/visits', 'social.nav.visits'),
        page('/social/publicity', 'social.nav.publicity'),
      ],
    },
  ],
  routes: [
    { path: '/social/donations', element: lazyPage(() => import('./DonationsPage'), 'DonationsPage') },
    { path: '/social/funds', element: lazyPage(() => import('./RecordsPages'), 'FundsPage') },
    { path: '/social/meetings', element: lazyPage(() => import('./MeetingsPage'), 'MeetingsPage') },
    { path: '/social/decisions', element: lazyPage(() => import('./DecisionsPage'), 'DecisionsPage') },
    { path: '/social/visits', element: lazyPage(() => import('./RecordsPages'), 'VisitsPage') },
    { path: '/social/publicity', element: lazyPage(() => import('./RecordsPages'), 'PublicityPage') },
  ],
};
