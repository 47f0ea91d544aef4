import { useI18n } from '../../i18n/use-i18n.ts';
import { promptInstall, usePwa } from './pwa.ts';

export function InstallButton() {
  const { m } = useI18n();
  const { canInstall } = usePwa();
  if (!canInstall) return null;
  return (
    <button type="button" className="button" onClick={() => void promptInstall()} data-testid="install-button">
      {m.shell.install}
    </button>
  );
}
