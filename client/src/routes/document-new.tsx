import { createRoute } from '@tanstack/react-router';
import { requireArea } from '../features/auth/guards.ts';
import { DocumentEditorPage } from '../features/documents/DocumentEditorPage.tsx';
import { memberRoute } from './member.tsx';

export const documentNewRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/documents/new',
  beforeLoad: requireArea('notices'),
  component: DocumentEditorPage,
});
