import { createRoute } from '@tanstack/react-router';
import { FormResultsPage } from '../features/forms-officer/FormResultsPage.tsx';
import { memberRoute } from './member.tsx';

/** The form's author or those with form.results over it (viewers too); the server decides. */
export const formResultsRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/forms/$formId/results',
  component: function FormResultsRoute() {
    const { formId } = formResultsRoute.useParams();
    return <FormResultsPage key={formId} formId={formId} />;
  },
});
