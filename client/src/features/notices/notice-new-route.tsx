import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireArea } from '../auth/index.ts';
import { memberRoute } from '../../routes/member.tsx';

// Loaded when first opened (and precached for offline use): officers' screens stay out of every member's first download.
const NoticeEditorPage = lazyRouteComponent(() => import('./NoticeEditorPage.tsx'), 'NoticeEditorPage');

export const noticeNewRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/notices/new',
  beforeLoad: requireArea('notices'),
  component: NoticeEditorPage,
});
