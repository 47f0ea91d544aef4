import { createRoute } from '@tanstack/react-router';
import { DocumentsPage } from './DocumentsPage.tsx';
import { memberRoute } from '../../routes/member.tsx';

export const documentsRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/documents',
  component: DocumentsPage,
});
