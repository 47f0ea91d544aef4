import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireArea } from '../auth/index.ts';
import { memberRoute } from '../../routes/member.tsx';

// Loaded when first opened (and precached for offline use): officers' screens stay out of every member's first download.
const DocumentEditorPage = lazyRouteComponent(() => import('./DocumentEditorPage.tsx'), 'DocumentEditorPage');

export const documentNewRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/documents/new',
  beforeLoad: requireArea('notices'),
  component: DocumentEditorPage,
});
