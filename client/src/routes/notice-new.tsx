import { createRoute } from '@tanstack/react-router';
import { requireArea } from '../features/auth/guards.ts';
import { NoticeEditorPage } from '../features/notices/NoticeEditorPage.tsx';
import { memberRoute } from './member.tsx';

export const noticeNewRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/notices/new',
  beforeLoad: requireArea('notices'),
  component: NoticeEditorPage,
});
