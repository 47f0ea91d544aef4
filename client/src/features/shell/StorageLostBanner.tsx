import { useSyncExternalStore } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { storageLost } from '../../sync/storage-lost.ts';

/**
 * The browser took this device's data away (evicted, cleared, a stale
 * connection): the app says so while it loads everything again from the
 * server, then that it is back, with what happened to the changes that were
 * waiting (sync/storage-lost.ts). The polite live region stays in the page, so
 * a screen reader announces both the message and its change.
 */
export function StorageLostBanner() {
  const { m } = useI18n();
  const notice = useSyncExternalStore(storageLost.subscribe, storageLost.getSnapshot, storageLost.getSnapshot);
  const recovered = notice?.phase === 'recovered';
  return (
    <div role="status" aria-live="polite" data-testid="storage-lost-live">
      {notice ? (
        <section
          className={`notice ${recovered ? 'notice-success' : 'notice-warning'} session-ended`}
          aria-labelledby="storage-lost-title"
          data-testid="storage-lost"
          data-phase={notice.phase}
          data-kept={notice.kept}
          data-not-kept={notice.notKept}
        >
          <h2 id="storage-lost-title" className="h3">
            {recovered ? m.sync.storageRecoveredTitle : m.sync.storageLostTitle}
          </h2>
          <p>{recovered ? m.sync.storageRecovered : m.sync.storageLost}</p>
          {notice.kept > 0 ? <p>{format(recovered ? m.sync.storageRecoveredKept : m.sync.storageLostKept, { n: notice.kept })}</p> : null}
          {notice.notKept > 0 ? <p>{format(m.sync.storageLostNotKept, { n: notice.notKept })}</p> : null}
          {recovered ? (
            <button type="button" className="button" onClick={storageLost.dismiss} data-testid="storage-lost-dismiss">
              {m.sync.storageLostDismiss}
            </button>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
