import { useSyncExternalStore } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { serverRestored } from '../../sync/restored.ts';
import { formatDateTime } from '../../ui/dates.ts';

/**
 * The union's server was restored from a backup: the device started over and
 * sent this member's changes made since that backup again (sync/restored.ts).
 */
export function ServerRestoredBanner() {
  const { m, lang } = useI18n();
  const notice = useSyncExternalStore(serverRestored.subscribe, serverRestored.getSnapshot, serverRestored.getSnapshot);
  if (!notice) return null;
  const date = formatDateTime(Date.parse(notice.at), lang);
  return (
    <section className="notice notice-warning session-ended" role="status" aria-labelledby="server-restored-title" data-testid="server-restored" data-count={notice.count}>
      <h2 id="server-restored-title" className="h3">
        {m.sync.restoredTitle}
      </h2>
      <p>{format(m.sync.restored, { date, n: notice.count })}</p>
      <button type="button" className="button" onClick={serverRestored.dismiss} data-testid="server-restored-dismiss">
        {m.sync.restoredDismiss}
      </button>
    </section>
  );
}
