import { createRoute } from '@tanstack/react-router';
import { FormsPage } from '../features/forms/FormsPage.tsx';
import { memberRoute } from './member.tsx';

export const formsRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/forms',
  component: FormsPage,
});
