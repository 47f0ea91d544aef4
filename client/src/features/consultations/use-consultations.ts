import type { ConsultationDoc } from '@kumiai/shared';
import { useEffect, useState } from 'react';
import { docsJson, useLiveQuery } from '../../sync/live-query.ts';
import { useSyncEngine } from '../../sync/SyncProvider.tsx';
import { outgoingOf, type OutgoingItem, type OutgoingStore } from './outgoing.ts';

/**
 * The consultations on the device, live (also offline): the member's own
 * cases and, on an assigned officer's device, the cases they were given. Only
 * those ever reach a device. Undefined while the database opens.
 */
export function useConsultationDocs(): ConsultationDoc[] | undefined {
  return useLiveQuery((db) => db.consultations.find(), docsJson, []);
}

/** One case and what was written in it. */
export function useCaseDocs(caseId: string): ConsultationDoc[] | undefined {
  return useLiveQuery((db) => db.consultations.find({ selector: { caseId } }), docsJson, [caseId]);
}

const noItems: readonly OutgoingItem[] = [];

/** The member's cases waiting for their files to be uploaded (outgoing.ts), and the queue itself; null store while the database opens. */
export function useOutgoing(): { items: readonly OutgoingItem[]; store: OutgoingStore | null } {
  const db = useSyncEngine().engine?.database.db ?? null;
  const [state, setState] = useState<{ db: unknown; items: readonly OutgoingItem[]; store: OutgoingStore | null }>({ db: null, items: noItems, store: null });
  useEffect(() => {
    if (!db) return;
    let stop = (): void => undefined;
    let cancelled = false;
    void outgoingOf(db).then((store) => {
      if (cancelled) return;
      const sub = store.value$.subscribe((value) => setState({ db, items: value.items, store }));
      stop = () => sub.unsubscribe();
    });
    return () => {
      cancelled = true;
      stop();
    };
  }, [db]);
  return state.db === db && db ? state : { items: noItems, store: null };
}
