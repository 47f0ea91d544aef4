import type { ReactNode } from 'react';
import { useI18n } from '../i18n/use-i18n.ts';
import type { Fetched } from './use-fetched.ts';

/**
 * An officer's online list around `useFetched`: loading (a status), failed (an alert that the network
 * failed), empty (its own words), else the list itself.
 */
export function FetchedList<T>({ fetched, empty, children }: { fetched: Fetched<readonly T[]>; empty: string; children: (items: readonly T[]) => ReactNode }) {
  const { m } = useI18n();
  if (fetched.state === 'loading') {
    return (
      <p className="muted" role="status">
        {m.app.loading}
      </p>
    );
  }
  if (fetched.state === 'failed') return <p role="alert">{m.errors.network_failed}</p>;
  if (fetched.value.length === 0) return <p className="muted">{empty}</p>;
  return children(fetched.value);
}
