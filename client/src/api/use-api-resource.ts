import { useCallback, useEffect, useState, type DependencyList } from 'react';
import type { AnyErrorCode } from '../i18n/types.ts';
import { errorCode } from './client.ts';

export interface ApiResource<T> {
  /** The latest answer (kept while a reload is under way), or null before the first. */
  data: T | null;
  error: AnyErrorCode | null;
  /** Fetches again (a "refresh" button, or after the data is known to have changed). */
  reload: () => void;
  /** Replaces the data with a fresher copy the caller already has (e.g. an action's answer). */
  setData: (data: T) => void;
}

/**
 * Something read from the server for a screen: fetched when `deps` change and
 * on `reload()`, the previous request aborted, and an error kept as its code
 * (shown in the member's language). Loading is `data === null && error === null`.
 */
export function useApiResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): ApiResource<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (value) => {
        setData(value);
        setError(null);
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setError(errorCode(e));
      },
    );
    return () => controller.abort();
    // `load` is the caller's inline function; what it depends on is in `deps`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);
  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  return { data, error, reload, setData };
}
