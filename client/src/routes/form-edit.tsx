import { createRoute } from '@tanstack/react-router';
import { requireArea } from '../features/auth/guards.ts';
import { FormEditPage } from '../features/forms-officer/FormEditPage.tsx';
import { memberRoute } from './member.tsx';

export const formEditRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/forms/$formId/edit',
  beforeLoad: requireArea('forms'),
  component: function FormEditRoute() {
    const { formId } = formEditRoute.useParams();
    return <FormEditPage key={formId} formId={formId} />;
  },
});
