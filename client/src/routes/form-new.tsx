import type { FormKind } from '@kumiai/shared';
import { createRoute } from '@tanstack/react-router';
import { requireArea } from '../features/auth/guards.ts';
import { FormBuilder } from '../features/forms-officer/FormBuilder.tsx';
import { memberRoute } from './member.tsx';

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
