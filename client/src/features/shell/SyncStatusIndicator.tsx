import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { SyncPhase } from '../../sync/status.ts';
import { useSyncStatus } from '../../sync/use-sync-status.ts';

const icons: Record<SyncPhase, string> = { offline: '○', syncing: '↻', synced: '✓' };

/** Connection state in words (never colour alone), with the count of unsent changes. */
export function SyncStatusIndicator() {
  const { m } = useI18n();
  const { phase, pending, leading } = useSyncStatus();
  return (
    <div className={`sync-status sync-${phase}`} role="status" aria-label={m.sync.statusLabel} data-testid="sync-status" data-phase={phase} data-pending={pending} data-leading={leading}>
      <span className="sync-icon" aria-hidden="true">
        {icons[phase]}
      </span>
      <span className="sync-phase">{m.sync[phase]}</span>
      {/* Said only when something waits; screen readers always hear the count. */}
      <span className={pending > 0 ? 'sync-pending' : 'sync-pending visually-hidden'}>{format(m.sync.pending, { n: pending })}</span>
    </div>
  );
}
