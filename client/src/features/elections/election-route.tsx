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
