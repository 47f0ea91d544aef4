import { createRouter, type AnyRoute } from '@tanstack/react-router';
import { RouteError } from './features/auth/index.ts';
import { featureModules } from './features/index.ts';
import { memberRoute } from './routes/member.tsx';
import { rootRoute } from './routes/root.tsx';

/** Every module's routes, in module order; each names its parent (`getParentRoute`): the root, or the signed-in `memberRoute`. */
type ModuleRoute = (typeof featureModules)[number]['routes'][number];
// The union of every module's route types, so the router's links and params stay typed.
const routes = featureModules.flatMap((m): readonly AnyRoute[] => m.routes) as ModuleRoute[];

function parentOf(route: AnyRoute): AnyRoute | undefined {
  return (route.options as { getParentRoute?: () => AnyRoute }).getParentRoute?.();
}

for (const route of routes) {
  const parent = parentOf(route);
  if (parent !== rootRoute && parent !== memberRoute) throw new Error(`router: the route ${route.id} hangs under neither the root nor memberRoute`);
}

/** The route tree: the modules' routes under the root or under the signed-in layout, as each route says. */
export const routeTree = rootRoute.addChildren([...routes.filter((r) => parentOf(r) === rootRoute), memberRoute.addChildren(routes.filter((r) => parentOf(r) === memberRoute))]);

export const router = createRouter({ routeTree, defaultPreload: 'intent', defaultErrorComponent: RouteError });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
