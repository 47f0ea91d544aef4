import { createRoute } from '@tanstack/react-router';
import { DocumentsPage } from '../features/documents/DocumentsPage.tsx';
import { memberRoute } from './member.tsx';

export const documentsRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/documents',
  component: DocumentsPage,
});
