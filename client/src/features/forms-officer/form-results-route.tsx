import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { memberRoute } from '../../routes/member.tsx';

// Loaded when first opened (and precached for offline use): officers' screens stay out of every member's first download.
const FormResultsPage = lazyRouteComponent(() => import('./FormResultsPage.tsx'), 'FormResultsPage');

/** The form's author or those with form.results over it (viewers too); the server decides. */
export const formResultsRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/forms/$formId/results',
  component: function FormResultsRoute() {
    const { formId } = formResultsRoute.useParams();
    return <FormResultsPage key={formId} formId={formId} />;
  },
});
