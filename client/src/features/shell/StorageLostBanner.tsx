import { useSyncExternalStore } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { storageLost, type StorageLostNotice } from '../../sync/storage-lost.ts';

/**
 * The browser took this device's data away (evicted, cleared, a stale
 * connection): the app says so while it loads everything again from the
 * server, then that it is back, with what happened to the changes that were
 * waiting (sync/storage-lost.ts). The polite live region stays in the page, so
 * a screen reader announces both the message and its change.
 */
const tone: Record<StorageLostNotice['phase'], string> = { recovering: 'notice-warning', recovered: 'notice-success', failed: 'notice-error' };

export function StorageLostBanner() {
  const { m } = useI18n();
  const notice = useSyncExternalStore(storageLost.subscribe, storageLost.getSnapshot, storageLost.getSnapshot);
  if (!notice) return <div role="status" aria-live="polite" data-testid="storage-lost-live" />;
  const { phase, kept, notKept } = notice;
  const title = { recovering: m.sync.storageLostTitle, recovered: m.sync.storageRecoveredTitle, failed: m.sync.storageLostFailedTitle }[phase];
  const text = { recovering: m.sync.storageLost, recovered: m.sync.storageRecovered, failed: m.sync.storageLostFailed }[phase];
  return (
    <div role="status" aria-live="polite" data-testid="storage-lost-live">
      <section className={`notice ${tone[phase]} session-ended`} aria-labelledby="storage-lost-title" data-testid="storage-lost" data-phase={phase} data-kept={kept} data-not-kept={notKept}>
        <h2 id="storage-lost-title" className="h3">
          {title}
        </h2>
        <p>{text}</p>
        {kept > 0 && phase !== 'failed' ? <p>{format(phase === 'recovered' ? m.sync.storageRecoveredKept : m.sync.storageLostKept, { n: kept })}</p> : null}
        {notKept > 0 ? <p>{format(m.sync.storageLostNotKept, { n: notKept })}</p> : null}
        {phase === 'recovered' ? (
          <button type="button" className="button" onClick={storageLost.dismiss} data-testid="storage-lost-dismiss">
            {m.sync.storageLostDismiss}
          </button>
        ) : null}
        {phase === 'failed' ? (
          <button type="button" className="button button-primary" onClick={() => window.location.reload()} data-testid="storage-lost-reload">
            {m.shell.updateReload}
          </button>
        ) : null}
      </section>
    </div>
  );
}
