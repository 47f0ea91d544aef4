import { createRoute } from '@tanstack/react-router';
import { SearchPage } from './SearchPage.tsx';
import { memberRoute } from '../../routes/member.tsx';

export const searchRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/search',
  validateSearch: (search: Record<string, unknown>): { q?: string } => (typeof search.q === 'string' && search.q ? { q: search.q.slice(0, 100) } : {}),
  component: function SearchRoute() {
    const { q } = searchRoute.useSearch();
    return <SearchPage q={q ?? ''} />;
  },
});
