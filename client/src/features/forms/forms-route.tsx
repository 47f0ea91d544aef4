import { createRoute } from '@tanstack/react-router';
import { FormsPage } from './FormsPage.tsx';
import { memberRoute } from '../../routes/member.tsx';

export const formsRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/forms',
  component: FormsPage,
});
