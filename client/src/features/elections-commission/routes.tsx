import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireMember } from '../auth/index.ts';
import { memberRoute } from '../../routes/member.tsx';

// Loaded when first opened: the commission's screens and the crypto library stay out of every member's first download.
// Signed-in members only; the pages themselves say who may do what (an admin without the role is told why not).
const ElectionsManagePage = lazyRouteComponent(() => import('./ElectionsManagePage.tsx'), 'ElectionsManagePage');
const ElectionEditPage = lazyRouteComponent(() => import('./ElectionEditPage.tsx'), 'ElectionEditPage');
const ElectionDetailPage = lazyRouteComponent(() => import('./ElectionDetailPage.tsx'), 'ElectionDetailPage');
const TrusteePage = lazyRouteComponent(() => import('./TrusteePage.tsx'), 'TrusteePage');

export const electionsManageRoute = createRoute({ getParentRoute: () => memberRoute, path: '/elections/manage', beforeLoad: requireMember, component: ElectionsManagePage });

export const electionNewRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/elections/manage/new',
  beforeLoad: requireMember,
  component: function ElectionNewRoute() {
    return <ElectionEditPage electionId={null} />;
  },
});

export const electionManageRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/elections/manage/$electionId',
  beforeLoad: requireMember,
  component: function ElectionManageRoute() {
    const { electionId } = electionManageRoute.useParams();
    return <ElectionDetailPage key={electionId} electionId={electionId} />;
  },
});

export const electionEditRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/elections/manage/$electionId/edit',
  beforeLoad: requireMember,
  component: function ElectionEditRoute() {
    const { electionId } = electionEditRoute.useParams();
    return <ElectionEditPage key={electionId} electionId={electionId} />;
  },
});

export const trusteeRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/elections/$electionId/trustee',
  beforeLoad: requireMember,
  component: function TrusteeRoute() {
    const { electionId } = trusteeRoute.useParams();
    return <TrusteePage key={electionId} electionId={electionId} />;
  },
});
