import { useEffect } from 'react';
import { useSyncEngine } from '../../sync/SyncProvider.tsx';
import { useSession } from '../auth/index.ts';
import { outboxFor } from '../forms/index.ts';
import { uploadConsultationFile } from './consultations-api.ts';
import { outgoingOf, sendOutgoing } from './outgoing.ts';

const RETRY_MS = 30_000;

/**
 * Runs on every page (the module's `background`): sends the cases waiting for
 * their files (outgoing.ts) whenever the device is online — at once, when the
 * queue changes, when the network comes back, and every half minute while
 * something still waits. One send at a time.
 */
export function ConsultationSender() {
  const database = useSyncEngine().engine?.database ?? null;
  const { me } = useSession();
  const memberId = me?.member.id ?? null;
  useEffect(() => {
    if (!database || database.memberId !== memberId || !memberId) return;
    const db = database.db;
    const outbox = outboxFor(memberId);
    let running = Promise.resolve();
    let stopped = false;
    let unsubscribe = (): void => undefined;
    const run = (): void => {
      running = running
        .then(async () => {
          if (stopped || db.closed || !navigator.onLine) return;
          const store = await outgoingOf(db);
          await sendOutgoing(store, {
            file: async (hash) => (await outbox.get(hash))?.blob ?? null,
            dropFile: (hash) => outbox.remove(hash),
            upload: uploadConsultationFile,
            write: async (doc) => {
              if (!(await db.consultations.findOne(doc.id).exec())) await db.consultations.insert(doc);
            },
          });
        })
        .catch(() => undefined);
    };
    void outgoingOf(db).then((store) => {
      if (stopped) return;
      const sub = store.value$.subscribe((value) => {
        if (value.items.some((i) => i.problem === null)) run();
      });
      unsubscribe = () => sub.unsubscribe();
    });
    window.addEventListener('online', run);
    const timer = window.setInterval(run, RETRY_MS);
    return () => {
      stopped = true;
      unsubscribe();
      window.removeEventListener('online', run);
      window.clearInterval(timer);
    };
  }, [database, memberId]);
  return null;
}
