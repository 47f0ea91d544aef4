import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { memberRoute } from '../../routes/member.tsx';
import { requireArea } from '../auth/index.ts';
import { AssignedPage } from './AssignedPage.tsx';

// Loaded when first opened (and precached): the desks' screens stay out of every member's first download.
const DeskPage = lazyRouteComponent(() => import('./DeskPage.tsx'), 'DeskPage');
const CountsPage = lazyRouteComponent(() => import('./CountsPage.tsx'), 'CountsPage');

export const consultationDeskRoute = createRoute({ getParentRoute: () => memberRoute, path: '/consultations/desk', beforeLoad: requireArea('consultationDesk'), component: DeskPage });
// The assigned cases are on the officer's device: readable offline like the member's own.
export const consultationAssignedRoute = createRoute({ getParentRoute: () => memberRoute, path: '/consultations/assigned', beforeLoad: requireArea('consultationCases'), component: AssignedPage });
export const consultationCountsRoute = createRoute({ getParentRoute: () => memberRoute, path: '/consultations/counts', beforeLoad: requireArea('consultationStats'), component: CountsPage });
