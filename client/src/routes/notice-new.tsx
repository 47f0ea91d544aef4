import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireArea } from '../features/auth/guards.ts';
import { memberRoute } from './member.tsx';

// Loaded when first opened (and precached for offline use): officers' screens stay out of every member's first download.
const NoticeEditorPage = lazyRouteComponent(() => import('../features/notices/NoticeEditorPage.tsx'), 'NoticeEditorPage');

export const noticeNewRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/notices/new',
  beforeLoad: requireArea('notices'),
  component: NoticeEditorPage,
});
