import type { ApplicationSummary } from '@kumiai/shared';
import { useCallback, useEffect, useState } from 'react';
import { errorCode } from '../../api/client.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { listApplications } from './forms-officer-api.ts';
import type { InboxFilter } from './inbox-query.ts';

interface ListState {
  items: ApplicationSummary[];
  next: string | null;
  loading: boolean;
  error: AnyErrorCode | null;
}

/** The approval inbox for a filter, a page at a time; `loadMore` follows `next`. */
export function useApplicationList(filter: InboxFilter): ListState & { loadMore: () => void } {
  const [state, setState] = useState<ListState>({ items: [], next: null, loading: true, error: null });
  const { state: st, step, unit, form, mine } = filter;

  useEffect(() => {
    const controller = new AbortController();
    const current: InboxFilter = { state: st, step, unit, form, mine };
    // Deferred, so the "loading" state is never set synchronously inside the effect.
    const timer = window.setTimeout(() => {
      setState((s) => ({ ...s, loading: true }));
      void listApplications(current, null, controller.signal).then(
        (page) => setState({ items: page.items, next: page.next, loading: false, error: null }),
        (e: unknown) => {
          if (!controller.signal.aborted) setState({ items: [], next: null, loading: false, error: errorCode(e) });
        },
      );
    }, 0);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [st, step, unit, form, mine]);

  const loadMore = useCallback(() => {
    if (!state.next) return;
    const cursor = state.next;
    setState((s) => ({ ...s, loading: true }));
    void listApplications({ state: st, step, unit, form, mine }, cursor).then(
      (page) => setState((s) => ({ items: [...s.items, ...page.items], next: page.next, loading: false, error: null })),
      (e: unknown) => setState((s) => ({ ...s, loading: false, error: errorCode(e) })),
    );
  }, [state.next, st, step, unit, form, mine]);

  return { ...state, loadMore };
}
