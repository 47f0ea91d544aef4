import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireMember } from '../auth/index.ts';
import { memberRoute } from '../../routes/member.tsx';

// Loaded when first opened: the admins' screens stay out of every member's first download.
// Signed-in members only; the pages say who may use them (administrators), and the server decides anyway.
const FederationPage = lazyRouteComponent(() => import('./FederationPage.tsx'), 'FederationPage');
const HubPage = lazyRouteComponent(() => import('./HubPage.tsx'), 'HubPage');

export const federationRoute = createRoute({ getParentRoute: () => memberRoute, path: '/federation', beforeLoad: requireMember, component: FederationPage });

export const federationUnionsRoute = createRoute({ getParentRoute: () => memberRoute, path: '/federation/unions', beforeLoad: requireMember, component: HubPage });
