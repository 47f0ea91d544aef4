import { createRootRoute } from '@tanstack/react-router';
import { AppShell } from '../features/shell/AppShell.tsx';
import { NotFoundPage } from '../features/shell/NotFoundPage.tsx';

export const rootRoute = createRootRoute({
  component: AppShell,
  notFoundComponent: NotFoundPage,
});
