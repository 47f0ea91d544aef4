import { createRoute } from '@tanstack/react-router';
import { memberRoute } from '../../routes/member.tsx';
import { ConsultationPage } from './ConsultationPage.tsx';

export const consultationRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/consultations/$caseId',
  component: function ConsultationRouteComponent() {
    const { caseId } = consultationRoute.useParams();
    return <ConsultationPage key={caseId} caseId={caseId} />;
  },
});
