// Assessment pages: annual agreements with live progress, frameworks (versioned), cycles with scores, the
// calendar's steps, reviewers' scores, field-check samples and the what-if.
import { TrophyOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { lazyPage, type WebModule } from '../../app/modules';

const page = (path: string, labelKey: string) => ({ path, labelKey, permission: 'assessment.read' as const });

export const assessmentModule: WebModule = {
  key: 'assessment',
  menu: [
    {
      path: '/assessment',
      labelKey: 'assessment.nav.root',
      icon: <TrophyOutlined />,
      permission: 'assessment.read',
      children: [
        page('/assessment/agreements', 'assessment.nav.agreements'),
        page('/assessment/cycles', 'assessment.nav.cycles'),
        page('/assessment/frameworks', 'assessment.nav.frameworks'),
      ],
    },
  ],
  routes: [
    { path: '/assessment/agreements', element: lazyPage(() => import('./AgreementsPage'), 'AgreementsPage') },
    { path: '/assessment/agreements/:id', element: lazyPage(() => import('./AgreementsPage'), 'AgreementPage') },
    { path: '/assessment/frameworks', element: lazyPage(() => import('./FrameworksPage'), 'FrameworksPage') },
    { path: '/assessment/frameworks/:id', element: lazyPage(() => import('./FrameworksPage'), 'FrameworkPage') },
    { path: '/assessment/cycles', element: lazyPage(() => import('./CyclesPage'), 'CyclesPage') },
    { path: '/assessment/cycles/:id', element: lazyPage(() => import('./CyclePage'), 'CyclePage') },
  ],
  // 年度帮扶协议进度 on both sides' dashboards
  dashboard: [
    {
      key: 'assessment.agreements',
      permission: 'assessment.read',
      component: lazy(() => import('./AgreementsPanel').then((m) => ({ default: m.AgreementsPanel }))),
    },
  ],
};
