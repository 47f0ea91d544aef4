import { createRoute } from '@tanstack/react-router';
import { SubmissionPage } from './SubmissionPage.tsx';
import { memberRoute } from '../../routes/member.tsx';

export const submissionRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/submissions/$submissionId',
  component: function SubmissionRoute() {
    const { submissionId } = submissionRoute.useParams();
    return <SubmissionPage key={submissionId} submissionId={submissionId} />;
  },
});
