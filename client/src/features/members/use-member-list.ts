import type { MemberView } from '@kumiai/shared';
import { useCallback, useEffect, useState } from 'react';
import { errorCode } from '../../api/client.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { listMembers, type MemberFilter } from './members-api.ts';

interface ListState {
  members: MemberView[];
  next: string | null;
  loading: boolean;
  error: AnyErrorCode | null;
}

/** A keyset-paginated member list for a filter; `loadMore` fetches the next page. */
export function useMemberList(filter: MemberFilter, limit = 50): ListState & { loadMore: () => void } {
  const [state, setState] = useState<ListState>({ members: [], next: null, loading: true, error: null });
  const { q, unitId, status } = filter;

  useEffect(() => {
    const controller = new AbortController();
    // Typing in the search box: wait for a pause before asking.
    const timer = window.setTimeout(() => {
      setState((s) => ({ ...s, loading: true }));
      void listMembers({ q, unitId, status }, null, controller.signal, limit).then(
        (page) => setState({ members: page.members, next: page.next, loading: false, error: null }),
        (e: unknown) => {
          if (!controller.signal.aborted) setState({ members: [], next: null, loading: false, error: errorCode(e) });
        },
      );
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [q, unitId, status, limit]);

  const loadMore = useCallback(() => {
    if (!state.next) return;
    const after = state.next;
    setState((s) => ({ ...s, loading: true }));
    void listMembers({ q, unitId, status }, after, undefined, limit).then(
      (page) => setState((s) => ({ members: [...s.members, ...page.members], next: page.next, loading: false, error: null })),
      (e: unknown) => setState((s) => ({ ...s, loading: false, error: errorCode(e) })),
    );
  }, [state.next, q, unitId, status, limit]);

  return { ...state, loadMore };
}
