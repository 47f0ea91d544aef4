import type { InboxItem } from '@kumiai/shared';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { Fetched } from '../../ui/use-fetched.ts';
import { InboxItemCard } from './InboxItemCard.tsx';

/** What the federation sent, newest first: each to release to members, actions with their participants. */
export function InboxSection({ inbox, onChanged }: { inbox: Fetched<{ items: InboxItem[] }>; onChanged: () => void }) {
  const { m } = useI18n();
  const t = m.federation;
  return (
    <section className="card stack" aria-labelledby="fed-inbox-title" data-testid="federation-inbox">
      <h2 id="fed-inbox-title">{t.inboxTitle}</h2>
      {inbox.state === 'loading' ? (
        <p className="muted" role="status">
          {m.app.loading}
        </p>
      ) : inbox.state === 'failed' ? (
        <p className="notice notice-error">{t.loadFailed}</p>
      ) : inbox.value.items.length === 0 ? (
        <p className="muted">{t.inboxEmpty}</p>
      ) : (
        <ul className="plain-list stack">
          {[...inbox.value.items]
            .sort((a, b) => b.receivedAt - a.receivedAt)
            .map((item) => (
              <InboxItemCard key={`${item.id}/${item.noticeId ?? ''}/${item.participation ?? ''}`} item={item} onChanged={onChanged} />
            ))}
        </ul>
      )}
    </section>
  );
}
