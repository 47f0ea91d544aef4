import { createRoute } from '@tanstack/react-router';
import { requireArea } from '../features/auth/guards.ts';
import { ImportPage } from '../features/import/ImportPage.tsx';
import { memberRoute } from './member.tsx';

export const membersImportRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/members/import',
  beforeLoad: requireArea('import'),
  component: ImportPage,
});
