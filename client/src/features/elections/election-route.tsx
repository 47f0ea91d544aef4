import { createRoute } from '@tanstack/react-router';
import { memberRoute } from '../../routes/member.tsx';
import { ElectionPage } from './ElectionPage.tsx';

export const electionRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/elections/$electionId',
  component: function ElectionRoute() {
    const { electionId } = electionRoute.useParams();
    return <ElectionPage key={electionId} electionId={electionId} />;
  },
});

/** The link on a commission-member authority's letter: `/elections/<id>/vote#credential=…` (the fragment never reaches the server). */
export const electionVoteRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/elections/$electionId/vote',
  component: function ElectionVoteRoute() {
    const { electionId } = electionVoteRoute.useParams();
    return <ElectionPage key={electionId} electionId={electionId} />;
  },
});
