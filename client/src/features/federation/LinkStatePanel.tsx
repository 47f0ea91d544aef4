import type { LinkState, SyncResult } from '@kumiai/shared';
import { useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useAction } from '../../ui/use-action.ts';
import { setLinkStatus, syncNow } from './federation-api.ts';
import { FingerprintView } from './FingerprintView.tsx';
import { StatusActions } from './StatusActions.tsx';

type Link = NonNullable<LinkState['link']>;

/** The union's link: the federation's name and fingerprint, its state, the last sync; sync now, pause / resume / end. */
export function LinkStatePanel({ link, onChanged }: { link: Link; onChanged: () => void }) {
  const { m, lang } = useI18n();
  const t = m.federation;
  const sync = useAction();
  const [result, setResult] = useState<SyncResult | null>(null);
  const pausedBy = link.status === 'paused' ? (link.pausedBy === 'federation' ? t.pausedByFederation : t.pausedByUnion) : '';
  return (
    <section className="card stack" aria-labelledby="fed-state-title" data-testid="federation-link-state" data-status={link.status}>
      <h2 id="fed-state-title">{t.linkedTo}</h2>
      <dl className="facts">
        <dt>{t.linkedTo}</dt>
        <dd data-testid="federation-name">{link.federationName}</dd>
        <dt>{t.url}</dt>
        <dd>{link.url}</dd>
        <dt>{t.status}</dt>
        <dd data-testid="federation-status">
          {t.statuses[link.status]}
          {pausedBy}
        </dd>
        <dt>{t.lastSync}</dt>
        <dd>{link.lastSyncAt ? formatDateTime(link.lastSyncAt, lang) : t.never}</dd>
      </dl>
      <details>
        <summary>{t.fingerprint}</summary>
        <FingerprintView fingerprint={link.fingerprint} testId="federation-fingerprint" explain={false} />
      </details>
      {/* Syncing also learns that a federation's pause has ended. */}
      {link.status === 'active' || (link.status === 'paused' && link.pausedBy === 'federation') ? (
          <p className="button-row">
            <button
              type="button"
              className="button button-primary"
              disabled={sync.busy}
              data-testid="federation-sync"
              onClick={() =>
                void sync.run(async () => {
                  setResult(null);
                  try {
                    setResult(await syncNow());
                  } finally {
                    // A refusal (paused or ended by the federation) changes the link's state too.
                    onChanged();
                  }
                })
              }
            >
              {t.syncNow}
            </button>
          </p>
      ) : null}
      {/* Kept when the state changes under it: a refusal says why the link is now paused or ended. */}
      {result ? (
        <p className="notice notice-success" role="status" data-testid="federation-synced">
          {format(t.synced, { received: result.received, released: result.released, reports: result.reportsDelivered })}
        </p>
      ) : null}
      <ErrorAlert code={sync.error} testId="federation-sync-error" />
      <StatusActions
        status={link.status}
        pausedBy={link.pausedBy}
        side="union"
        question={(to) => ({ pause: t.pauseQuestion, resume: t.resumeQuestion, revoke: t.revokeQuestion })[to]}
        act={async (to) => {
          await setLinkStatus(to);
          onChanged();
        }}
        testId="federation-link"
      />
    </section>
  );
}
