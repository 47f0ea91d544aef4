import { createRoute } from '@tanstack/react-router';
import { FormPage } from './FormPage.tsx';
import { memberRoute } from '../../routes/member.tsx';

export const formRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/forms/$formId',
  component: function FormRoute() {
    const { formId } = formRoute.useParams();
    return <FormPage key={formId} formId={formId} />;
  },
});
