// @vitest-environment happy-dom
import { createElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { Observable } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { docJson, docsJson, useLiveQueryOn, type LiveSource } from './live-query.ts';

/** useLiveQuery on a real in-memory RxDB, rendered by React into a (happy-dom) document. */

interface Item {
  id: string;
  name: string;
}
type Db = RxDatabase<{ items: RxCollection<Item> }>;

const opened: Db[] = [];
const roots: Root[] = [];

async function openDb(): Promise<Db> {
  const db: Db = await createRxDatabase<{ items: RxCollection<Item> }>({ name: `live-${crypto.randomUUID()}`, storage: getRxStorageMemory() });
  await db.addCollections({
    items: { schema: { version: 0, primaryKey: 'id', type: 'object', properties: { id: { type: 'string', maxLength: 20 }, name: { type: 'string' } }, required: ['id', 'name'] } },
  });
  opened.push(db);
  return db;
}

/** Renders `useHook` in a component; `current()` is its latest answer, `history` every render's props and answer. */
function render<P>(useHook: (props: P) => unknown, props: P): { current: () => unknown; history: [P, unknown][]; rerender: (next: P) => void; unmount: () => void } {
  let latest: unknown = 'not rendered';
  const history: [P, unknown][] = [];
  const Probe = (p: P): ReactNode => {
    latest = useHook(p);
    history.push([p, latest]);
    return null;
  };
  const root = createRoot(document.createElement('div'));
  roots.push(root);
  // The test wraps no update in act(): React renders on its own scheduler, and vi.waitFor waits for the answer.
  const draw = (p: P): void => root.render(createElement(Probe as (p: object) => ReactNode, p as object));
  draw(props);
  return { current: () => latest, history, rerender: draw, unmount: () => root.unmount() };
}

/** A query's `$` that counts its open subscriptions. */
function counted<R>(source: LiveSource<R>, open: { n: number }): LiveSource<R> {
  return {
    $: new Observable<R>((subscriber) => {
      open.n++;
      const sub = source.$.subscribe(subscriber);
      return () => {
        open.n--;
        sub.unsubscribe();
      };
    }),
  };
}

afterEach(async () => {
  for (const root of roots.splice(0)) root.unmount();
  await Promise.all(opened.splice(0).map((db) => db.close()));
});

describe('useLiveQuery', () => {
  it('answers undefined while loading, then the query, and again after each change', async () => {
    const db = await openDb();
    await db.items.insert({ id: 'a', name: 'Aoki' });
    const view = render(() => useLiveQueryOn(db, (d) => d.items.find({ sort: [{ id: 'asc' }] }), (docs) => docsJson(docs).map((i) => i.name), []), {});
    await vi.waitFor(() => expect(view.current()).toEqual(['Aoki']));
    expect(view.history[0]?.[1]).toBeUndefined(); // the first render, before the query answered

    await db.items.insert({ id: 'b', name: 'Baba' });
    await vi.waitFor(() => expect(view.current()).toEqual(['Aoki', 'Baba']));
    await db.items.findOne('a').exec().then((doc) => doc?.incrementalPatch({ name: 'Abe' }));
    await vi.waitFor(() => expect(view.current()).toEqual(['Abe', 'Baba']));
  });

  it('unsubscribes on unmount', async () => {
    const db = await openDb();
    const open = { n: 0 };
    const select = vi.fn((docs: Parameters<typeof docsJson<Item>>[0]) => docs.length);
    const view = render(() => useLiveQueryOn(db, (d) => counted(d.items.find(), open), select, []), {});
    await vi.waitFor(() => expect(view.current()).toBe(0));
    expect(open.n).toBe(1);

    view.unmount();
    expect(open.n).toBe(0);
    const calls = select.mock.calls.length;
    await db.items.insert({ id: 'c', name: 'Chiba' });
    await db.items.find().exec(); // the insert has reached every live query by now
    expect(select.mock.calls.length).toBe(calls);
  });

  it('never answers for other deps or a closed database: undefined until the new query answers', async () => {
    const first = await openDb();
    const second = await openDb();
    await first.items.insert({ id: 'a', name: 'first A' });
    await first.items.insert({ id: 'b', name: 'first B' });
    await second.items.insert({ id: 'a', name: 'second A' });
    const open = { n: 0 };
    const useName = ({ db, id }: { db: Db | null; id: string | null }) =>
      useLiveQueryOn(db, id === null ? null : (d) => counted(d.items.findOne(id), open), (doc) => docJson(doc)?.name ?? null, [id]);
    const view = render<{ db: Db | null; id: string | null }>(useName, { db: first, id: 'a' });
    await vi.waitFor(() => expect(view.current()).toBe('first A'));

    view.rerender({ db: first, id: 'b' });
    await vi.waitFor(() => expect(view.current()).toBe('first B'));
    view.rerender({ db: second, id: 'b' });
    await vi.waitFor(() => expect(view.current()).toBeNull()); // not on the second database
    // Each render answered for its own props: loading (undefined) in between, never the previous query's answer.
    const answers = (db: Db, id: string) => view.history.filter(([p]) => p.db === db && p.id === id).map(([, answer]) => answer);
    expect(new Set(answers(first, 'b'))).toEqual(new Set([undefined, 'first B']));
    expect(new Set(answers(second, 'b'))).toEqual(new Set([undefined, null]));
    view.rerender({ db: second, id: null });
    await vi.waitFor(() => expect(open.n).toBe(0));
    expect(view.current()).toBeUndefined();
    view.rerender({ db: null, id: 'a' });
    expect(view.current()).toBeUndefined();
  });
});
