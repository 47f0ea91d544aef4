import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireArea } from '../auth/index.ts';
import { memberRoute } from '../../routes/member.tsx';

// Loaded when first opened (and precached for offline use): officers' screens stay out of every member's first download.
const FormEditPage = lazyRouteComponent(() => import('./FormEditPage.tsx'), 'FormEditPage');

export const formEditRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/forms/$formId/edit',
  beforeLoad: requireArea('forms'),
  component: function FormEditRoute() {
    const { formId } = formEditRoute.useParams();
    return <FormEditPage key={formId} formId={formId} />;
  },
});
