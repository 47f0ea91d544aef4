import { useEffect, useState, type DependencyList } from 'react';

export type Fetched<T> = { state: 'loading' } | { state: 'done'; value: T } | { state: 'failed' };

const loading = { state: 'loading' } as const;
const sameDeps = (a: DependencyList, b: DependencyList): boolean => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/**
 * The answer of an online request for a screen (the officers' home cards): loading, done or
 * failed. Asked again when `deps` change (loading meanwhile, never the answer for other deps);
 * the request is aborted when the component unmounts or the deps change.
 */
export function useFetched<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Fetched<T> {
  const [seen, setSeen] = useState<{ deps: DependencyList; fetched: Fetched<T> } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) setSeen({ deps, fetched: { state: 'done', value } });
      },
      () => {
        if (!controller.signal.aborted) setSeen({ deps, fetched: { state: 'failed' } });
      },
    );
    return () => controller.abort();
    // `load` is rebuilt on each render; the deps decide when to ask again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return seen && sameDeps(seen.deps, deps) ? seen.fetched : loading;
}
