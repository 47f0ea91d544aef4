import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { memberRoute } from '../../routes/member.tsx';
import { requireArea } from '../auth/index.ts';

// Loaded when first opened (and precached): the treasurers' screens stay out of every member's first download.
const DuesTotalsPage = lazyRouteComponent(() => import('./DuesTotalsPage.tsx'), 'DuesTotalsPage');
const CheckoffPage = lazyRouteComponent(() => import('./CheckoffPage.tsx'), 'CheckoffPage');
const ArrearsPage = lazyRouteComponent(() => import('./ArrearsPage.tsx'), 'ArrearsPage');
const DuesRulesPage = lazyRouteComponent(() => import('./DuesRulesPage.tsx'), 'DuesRulesPage');
const DuesMembersPage = lazyRouteComponent(() => import('./DuesMembersPage.tsx'), 'DuesMembersPage');

export const duesTotalsRoute = createRoute({ getParentRoute: () => memberRoute, path: '/dues/manage', beforeLoad: requireArea('dues'), component: DuesTotalsPage });
export const checkoffRoute = createRoute({ getParentRoute: () => memberRoute, path: '/dues/checkoff', beforeLoad: requireArea('duesManage'), component: CheckoffPage });
export const arrearsRoute = createRoute({ getParentRoute: () => memberRoute, path: '/dues/arrears', beforeLoad: requireArea('dues'), component: ArrearsPage });
export const duesRulesRoute = createRoute({ getParentRoute: () => memberRoute, path: '/dues/rules', beforeLoad: requireArea('dues'), component: DuesRulesPage });
export const duesMembersRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/dues/members',
  beforeLoad: requireArea('dues'),
  validateSearch: (search: Record<string, unknown>): { number?: string } => (typeof search.number === 'string' && search.number ? { number: search.number.slice(0, 32) } : {}),
  component: DuesMembersPage,
});
