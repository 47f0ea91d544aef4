import { useEffect, useState, type DependencyList } from 'react';
import type { RxDocument } from 'rxdb';
import type { Observable } from 'rxjs';
import type { KumiaiDatabase } from './database.ts';
import { useSyncDatabase } from './SyncProvider.tsx';

/**
 * The answer of a live RxDB query, re-rendered on every change (a pull, a
 * stream event, the member's own write), offline too:
 *
 *   const form = useLiveQuery((db) => db.forms.findOne(id), docJson, [id]);
 *
 * `query` builds the query (anything with a `$`); `select` turns each answer
 * into what the component shows; `deps` are the values the query is built
 * from (the database is one of them already). The answer is `undefined` while
 * the database opens or the first answer is pending, and never one from a
 * database that has since closed (signed out, another member) nor one for
 * other `deps` (another id): those would be another query's answer. The
 * subscription ends when the component unmounts or the query changes.
 */
export function useLiveQuery<R, T>(query: ((db: KumiaiDatabase) => LiveSource<R>) | null, select: (result: R) => T, deps: DependencyList): T | undefined {
  return useLiveQueryOn(useSyncDatabase(), query, select, deps);
}

/** Anything with an observable answer: an RxQuery (`find()`, `findOne()`), a document. */
export interface LiveSource<R> {
  readonly $: Observable<R>;
}

interface Seen<T> {
  db: object;
  deps: DependencyList;
  value: T;
}

const sameDeps = (a: DependencyList, b: DependencyList): boolean => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/** `useLiveQuery` on a given database (null while it opens): for tests and for databases other than the member's. */
export function useLiveQueryOn<D extends object, R, T>(db: D | null, query: ((db: D) => LiveSource<R>) | null, select: (result: R) => T, deps: DependencyList): T | undefined {
  const [seen, setSeen] = useState<Seen<T> | null>(null);
  useEffect(() => {
    if (!db || !query) return;
    const sub = query(db).$.subscribe((result) => setSeen({ db, deps, value: select(result) }));
    return () => sub.unsubscribe();
    // The query and select are rebuilt on each render; the database and deps decide when to resubscribe.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, query === null, ...deps]);
  if (!db || !query || !seen || seen.db !== db || !sameDeps(seen.deps, deps)) return undefined;
  return seen.value;
}

/** A query's documents as plain JSON, what components show. */
export function docsJson<T>(docs: readonly RxDocument<T>[]): T[] {
  return docs.map((d) => d.toJSON() as T);
}

/** A `findOne` answer as plain JSON; null when the document is not on the device. */
export function docJson<T>(doc: RxDocument<T> | null): T | null {
  return doc ? (doc.toJSON() as T) : null;
}
