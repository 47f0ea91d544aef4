import { createRoute } from '@tanstack/react-router';
import { memberRoute } from '../../routes/member.tsx';
import { MyDuesPage } from './MyDuesPage.tsx';

// Part of every member's download (not lazy): it must open offline like マイページ.
export const myDuesRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/dues',
  component: MyDuesPage,
});
