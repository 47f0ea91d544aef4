import { deviceMayKeepSent, rejectionCodes, syncedCollections, type CollectionName, type Rejection } from '@kumiai/shared';
import { deepEqual, getAssumedMasterState, type RxCollection, type RxReplicationWriteToMasterRow } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { combineLatest, map, type Observable, type Subscription } from 'rxjs';
import { docState, fillStrippedDeleted } from './conflict.ts';
import type { SyncConnection } from './connection.ts';
import type { MemberDatabase } from './database.ts';
import type { RestoredFrom } from './pending.ts';

/**
 * RxDB replication of each synced collection over the one shared connection
 * (RxDB's `replicateRxCollection` with our handlers; never its websocket
 * client). Pull: `masterChangesSince` + the server's stream. Push:
 * `masterWrite`; rows the server refuses (`rejected`) go to the rejection
 * store and are answered to RxDB as conflicts with the master state, so the
 * conflict handler (conflict.ts) puts the document back to the server's state.
 */

type Doc = Record<string, unknown> & { id: string; _deleted: boolean };
/** The server's sequence and its database's epoch (a restore from a backup changes the epoch). */
type Checkpoint = { seq: number; epoch?: string };
type Replication = RxReplicationState<Doc, Checkpoint>;

/**
 * A feature's step before its rows are pushed, e.g. uploading the files a
 * submission refers to, so the server never sees a reference to bytes it
 * does not have. It gets the document states about to be sent. Throwing
 * (offline, server unreachable) fails this push attempt: RxDB keeps the rows
 * and retries after `retryTimeMs`, so nothing is lost and order is kept.
 * The engine stays feature-blind: the app passes the hooks in.
 */
export type BeforePushHook = (docs: readonly Record<string, unknown>[]) => Promise<void>;
export type BeforePushHooks = Partial<Record<CollectionName, BeforePushHook>>;

export interface StartReplicationOptions {
  /** Every collection the database opened is replicated. */
  db: MemberDatabase;
  connection: SyncConnection;
  /** Wait before RxDB retries a failed pull or push; small, as the connection itself waits for a socket. */
  retryTimeMs?: number;
  batchSize?: number;
  /** Per collection, run before each push (see BeforePushHook). */
  beforePush?: BeforePushHooks;
  /**
   * The server was restored from a backup (a pull from a checkpoint of the old
   * epoch says so): the engine starts over and re-sends this device's writes
   * (restored.ts). Nothing of that pull is applied.
   */
  onRestored?: (restored: RestoredFrom) => void;
}

const isOtherEpoch = (epoch: string | undefined, seen: string | null): boolean => typeof epoch === 'string' && epoch !== seen;

function isRestored(value: unknown): value is RestoredFrom {
  const r = value as Partial<RestoredFrom> | null | undefined;
  return typeof r === 'object' && r !== null && typeof r.at === 'string' && typeof r.seq === 'number';
}

export interface ReplicationHandle {
  states: ReadonlyMap<CollectionName, Replication>;
  /** True while any collection is pulling or pushing. */
  active$: Observable<boolean[]>;
  /** Resolves when every collection has pushed and pulled what it knows of (tests, sign-out). */
  awaitInSync(): Promise<void>;
  /** Clears pending entries RxDB itself holds as equal to the master (a change undone before it was pushed). */
  reconcile(): Promise<void>;
  stop(): Promise<void>;
}

function fill(collection: CollectionName, doc: Doc): Doc {
  return fillStrippedDeleted(syncedCollections[collection] as unknown as Parameters<typeof fillStrippedDeleted>[0], doc);
}

export function startReplication(options: StartReplicationOptions): ReplicationHandle {
  const { db, connection } = options;
  const names = [...db.registrations.keys()];
  const states = new Map<CollectionName, Replication>();
  const subs: Subscription[] = [];
  /** The server's epoch as this session's pulls saw it; stream events of another epoch only trigger a pull. */
  const seen: { epoch: string | null } = { epoch: null };

  for (const name of names) {
    // Our collections are typed per document; the replication works on plain documents with a string id.
    const collection = db.db.collections[name] as unknown as RxCollection<Doc>;
    const rs = replicateRxCollection<Doc, Checkpoint>({
      collection,
      replicationIdentifier: `kumiai-sync-${name}`,
      live: true,
      retryTime: options.retryTimeMs ?? 2000,
      // One tab replicates (RxDB's leader election, a Web Lock): the others see its writes through the shared
      // IndexedDB, and theirs go up through it. Without multiInstance (tests, one process) every database leads.
      waitForLeadership: true,
      pull: {
        batchSize: options.batchSize ?? 200,
        handler: async (checkpoint, batchSize) => {
          const reply = await connection.request(name, 'masterChangesSince', [checkpoint ?? null, batchSize]);
          if (isRestored(reply.restored)) {
            options.onRestored?.(reply.restored);
            throw new Error('the server was restored from a backup: starting over');
          }
          const result = reply.result as { documents: Doc[]; checkpoint: Checkpoint | null };
          if (typeof result.checkpoint?.epoch === 'string') seen.epoch = result.checkpoint.epoch;
          return { documents: result.documents.map((d) => fill(name, d)), checkpoint: result.checkpoint ?? checkpoint };
        },
        stream$: connection.stream$(name).pipe(
          map((ev) =>
            // A checkpoint of an epoch no pull has confirmed (the server restarted from a backup meanwhile): pull instead.
            ev === 'RESYNC' || isOtherEpoch((ev.checkpoint as Checkpoint | null)?.epoch, seen.epoch)
              ? ('RESYNC' as const)
              : { documents: (ev.documents as Doc[]).map((d) => fill(name, d)), checkpoint: ev.checkpoint as Checkpoint },
          ),
        ),
      },
      push: {
        batchSize: options.batchSize ?? 200,
        handler: async (rows) => {
          await options.beforePush?.[name]?.(rows.map((r) => r.newDocumentState));
          return push(db, connection, name, rows, seen);
        },
      },
    });
    // RxDB retries a failed pull or push itself; the console keeps the detail for whoever debugs a stall.
    subs.push(rs.error$.subscribe((err) => console.warn(`sync ${name}: ${describeError(err)}`)));
    states.set(name, rs);
  }

  // After every (re)connection: pull what happened meanwhile (the stream only carries what comes next).
  subs.push(connection.opened$.subscribe(() => states.forEach((rs) => rs.reSync())));

  const active$ = combineLatest([...states.values()].map((rs) => rs.active$));

  async function reconcile(): Promise<void> {
    for (const [name, rs] of states) {
      const internal = rs.internalReplicationState;
      const entries = db.pending.entries.filter((e) => e.collection === name);
      if (!internal || entries.length === 0) continue;
      const ids = entries.map((e) => e.id);
      const [assumed, fork] = await Promise.all([
        getAssumedMasterState(internal, ids),
        rs.collection.storageInstance.findDocumentsById(ids, true),
      ]);
      const inSync = fork
        .filter((doc) => {
          const master = assumed[doc.id];
          return master && master.metaDocument.isResolvedConflict !== doc._rev && deepEqual(docState(master.docData), docState(doc));
        })
        .map((doc) => doc.id);
      await db.pending.forget(name, inSync);
    }
  }

  return {
    states,
    active$,
    reconcile,
    async awaitInSync() {
      await Promise.all([...states.values()].map((rs) => rs.awaitInSync()));
    },
    async stop() {
      subs.forEach((s) => s.unsubscribe());
      await Promise.all([...states.values()].map((rs) => rs.cancel()));
    },
  };
}

/** One line for an RxDB replication error: its code and the causes it wraps. */
function describeError(err: unknown): string {
  const text = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v));
  const e = err as { code?: unknown; message?: unknown; parameters?: { errors?: { message?: unknown; code?: unknown }[]; direction?: unknown; writeError?: unknown } };
  const causes = (e.parameters?.errors ?? []).map((c) => `${text(c.code)} ${text(c.message)}`.trim());
  const write = e.parameters?.writeError ? ` write error ${text(e.parameters.writeError).slice(0, 300)}` : '';
  return `${text(e.code)} ${text(e.parameters?.direction)} ${causes.join('; ') || text(e.message)}${write}`.trim();
}

function isRejection(value: unknown): value is Rejection {
  const r = value as Partial<Rejection> | null;
  return typeof r?.id === 'string' && typeof r.code === 'string' && (rejectionCodes as readonly string[]).includes(r.code);
}

function parseRejections(value: unknown): Rejection[] {
  return Array.isArray(value) ? value.filter(isRejection) : [];
}

async function push(db: MemberDatabase, connection: SyncConnection, name: CollectionName, rows: RxReplicationWriteToMasterRow<Doc>[], seen: { epoch: string | null }): Promise<Doc[]> {
  // A row that changes nothing (a conflict resolved to the master state) is not sent:
  // the server has that state already, and a no-op on a record the member may not write would be refused again.
  const noops = rows.filter((r) => r.assumedMasterState && deepEqual(docState(r.assumedMasterState), docState(r.newDocumentState)));
  const send = rows.filter((r) => !noops.includes(r));
  await db.pending.settle(
    name,
    noops.map((r) => r.newDocumentState),
  );
  if (send.length === 0) return [];

  const reply = await connection.request(name, 'masterWrite', [send]);
  const conflicts = (Array.isArray(reply.result) ? (reply.result as Doc[]) : []).map((d) => fill(name, d));
  const rejected = parseRejections(reply.rejected);
  const conflictIds = new Set(conflicts.map((d) => d.id));
  const refusedIds = new Set(rejected.map((r) => r.id));
  const now = Date.now();

  for (const rejection of rejected) {
    const row = send.find((r) => r.newDocumentState.id === rejection.id);
    if (!row) continue;
    db.rejectedAttempts.get(name)?.set(rejection.id, row.newDocumentState);
    // Answer RxDB with a conflict even if the server did not: the known master state, or
    // (for a refused creation) the document as deleted, so the refused state never stays as if saved.
    if (!conflictIds.has(rejection.id)) {
      conflicts.push(fill(name, row.assumedMasterState ?? { ...row.newDocumentState, _deleted: true }));
      conflictIds.add(rejection.id);
    }
  }
  await db.rejections.add(
    rejected.flatMap((r) => {
      const row = send.find((s) => s.newDocumentState.id === r.id);
      if (!row) return [];
      const { _deleted: _d, ...attempted } = docState(row.newDocumentState);
      return [{ collection: name, id: r.id, code: r.code, message: r.message, ...(r.field ? { field: r.field } : {}), attempted, at: now }];
    }),
  );
  // Acknowledged (or refused for good): no longer waiting. A conflict stays waiting: RxDB resolves and pushes again.
  const settled = send.filter((r) => refusedIds.has(r.newDocumentState.id) || !conflictIds.has(r.newDocumentState.id));
  // Accepted writes are remembered with the sequence they reached, in case the server is restored to an older backup.
  if (typeof reply.seq === 'number') {
    await db.pending.acknowledged(
      name,
      send.filter((r) => !conflictIds.has(r.newDocumentState.id) && deviceMayKeepSent(name, r.newDocumentState)).map((r) => r.newDocumentState),
      { epoch: seen.epoch, seq: reply.seq },
    );
  }
  await db.pending.settle(
    name,
    settled.map((r) => r.newDocumentState),
  );
  return conflicts;
}
