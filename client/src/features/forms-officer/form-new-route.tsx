import type { FormKind } from '@kumiai/shared';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireArea } from '../auth/index.ts';
import { memberRoute } from '../../routes/member.tsx';

// Loaded when first opened (and precached for offline use): officers' screens stay out of every member's first download.
const FormBuilder = lazyRouteComponent(() => import('./FormBuilder.tsx'), 'FormBuilder');

/** `/forms/new?kind=survey|application` (a survey unless it says application). */
export const formNewRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/forms/new',
  beforeLoad: requireArea('forms'),
  validateSearch: (search: Record<string, unknown>): { kind: FormKind } => ({ kind: search.kind === 'application' ? 'application' : 'survey' }),
  component: function FormNewRoute() {
    const { kind } = formNewRoute.useSearch();
    return <FormBuilder key={kind} kind={kind} />;
  },
});
