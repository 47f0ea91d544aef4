import { createRouter } from '@tanstack/react-router';
import { indexRoute } from './routes/index.tsx';
import { rootRoute } from './routes/root.tsx';
import { settingsRoute } from './routes/settings.tsx';
import { setupRoute } from './routes/setup.tsx';

const routeTree = rootRoute.addChildren([indexRoute, setupRoute, settingsRoute]);

export const router = createRouter({ routeTree, defaultPreload: 'intent' });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
