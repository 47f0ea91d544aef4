import type { Page } from '@playwright/test';

/** What the browser holds for the app's origin, read from the page (raw IndexedDB, localStorage, Cache Storage). */
export interface DeviceData {
  /** Every IndexedDB database, each object store's records as JSON text. */
  indexedDb: { name: string; stores: Record<string, string> }[];
  localStorage: Record<string, string>;
  /** Every Cache Storage cache with the URLs it holds. */
  caches: { name: string; urls: string[] }[];
}

/** The name of a member's RxDB database (client/src/sync/database.ts `databaseNameFor`). */
export function memberDatabaseName(memberId: string): string {
  return `kumiai-m-${[...memberId].map((c) => (/[a-z0-9-]/.test(c) ? c : `_${c.codePointAt(0)?.toString(16) ?? ''}`)).join('')}`;
}

/** Reads everything; each IndexedDB connection it opens is closed again, so the app's own deletions are never blocked. */
export async function readDeviceData(page: Page): Promise<DeviceData> {
  return page.evaluate(async () => {
    const request = <T>(req: IDBRequest<T>): Promise<T> =>
      new Promise((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
      });
    const indexedDb: { name: string; stores: Record<string, string> }[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await request(indexedDB.open(name));
      const stores: Record<string, string> = {};
      try {
        for (const store of Array.from(db.objectStoreNames)) {
          const rows = await request(db.transaction(store, 'readonly').objectStore(store).getAll());
          stores[store] = JSON.stringify(rows);
        }
      } finally {
        db.close();
      }
      indexedDb.push({ name, stores });
    }
    const local: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key !== null) local[key] = localStorage.getItem(key) ?? '';
    }
    const cacheList: { name: string; urls: string[] }[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      cacheList.push({ name, urls: (await cache.keys()).map((r) => r.url) });
    }
    return { indexedDb, localStorage: local, caches: cacheList };
  });
}

/** Every place in the device data where one of `needles` shows up (empty when there is none). */
export function traces(data: DeviceData, needles: readonly string[]): string[] {
  const found: string[] = [];
  const check = (where: string, text: string): void => {
    for (const needle of needles) if (text.includes(needle)) found.push(`${where} contains ${needle}`);
  };
  for (const db of data.indexedDb) {
    check(`IndexedDB database name ${db.name}`, db.name);
    for (const [store, rows] of Object.entries(db.stores)) check(`IndexedDB ${db.name}/${store}`, rows);
  }
  for (const [key, value] of Object.entries(data.localStorage)) {
    check(`localStorage key ${key}`, key);
    check(`localStorage ${key}`, value);
  }
  for (const cache of data.caches) for (const url of cache.urls) check(`Cache ${cache.name}`, url);
  return found;
}

/**
 * Makes the device's copy of the member's record differ in a field the member
 * may not change (as an outdated or tampered app would), with the app closed:
 * written straight into RxDB's Dexie store, so the replication pushes it at the
 * next start and the server refuses it (`forbidden_field`).
 */
export async function tamperWithOwnRecord(page: Page, memberId: string): Promise<void> {
  // A page of the same origin that does not run the app.
  await page.goto('/favicon.svg');
  await page.evaluate(
    async ({ dbName, id }) => {
      const request = <T>(req: IDBRequest<T>): Promise<T> =>
        new Promise((resolve, reject) => {
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
        });
      const db = await request(indexedDB.open(dbName));
      try {
        const store = db.transaction('docs', 'readwrite').objectStore('docs');
        const doc = (await request(store.get(id))) as { name: string; _rev: string; _meta: { lwt: number } };
        const height = Number(doc._rev.split('-')[0]) + 1;
        await request(store.put({ ...doc, name: `${doc.name} (changed)`, _rev: `${height}-tampered`, _meta: { ...doc._meta, lwt: Date.now() } }));
      } finally {
        db.close();
      }
    },
    { dbName: `rxdb-dexie-${memberDatabaseName(memberId)}--0--members`, id: memberId },
  );
}
