import { useI18n } from '../../i18n/use-i18n.ts';
import { applyUpdate, usePwa } from './pwa.ts';

export function UpdateBanner() {
  const { m } = useI18n();
  const { updateWaiting } = usePwa();
  if (!updateWaiting) return null;
  return (
    <div className="update-banner" role="status" data-testid="update-prompt">
      <p>{m.shell.updateAvailable}</p>
      <button type="button" className="button button-primary" onClick={applyUpdate} data-testid="update-reload">
        {m.shell.updateReload}
      </button>
    </div>
  );
}
