import { createRoute } from '@tanstack/react-router';
import { requireArea } from '../features/auth/guards.ts';
import { FormsManagePage } from '../features/forms-officer/FormsManagePage.tsx';
import { memberRoute } from './member.tsx';

export const formsManageRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/forms/manage',
  beforeLoad: requireArea('forms'),
  component: FormsManagePage,
});
