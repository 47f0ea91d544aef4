import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { removeItem, withoutFiles, type OutgoingItem, type OutgoingStore } from './outgoing.ts';

/** A waiting case (or reply) whose files the server refused for good: the reason, and sending it without them or cancelling it. */
export function QueuedActions({ item, store, onDiscarded }: { item: OutgoingItem; store: OutgoingStore; onDiscarded: () => void }) {
  const { m } = useI18n();
  const t = m.consultations;
  if (!item.problem) return null;
  const reply = item.doc.kind !== 'case';
  return (
    <div className="stack" data-testid="consultation-queued-problem">
      <p className="notice notice-error">{reply ? t.queuedReplyRefused : t.queuedRefused}</p>
      <ErrorAlert code={item.problem} />
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={() => void withoutFiles(store, item.id)}>
          {t.queuedWithout}
        </button>
        <button type="button" className="button button-danger" onClick={() => void removeItem(store, item.id).then(onDiscarded)}>
          {reply ? t.queuedReplyDiscard : t.queuedDiscard}
        </button>
      </div>
    </div>
  );
}
