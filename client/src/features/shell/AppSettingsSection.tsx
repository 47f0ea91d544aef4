import { Link } from '@tanstack/react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useKiosk } from '../kiosk/index.ts';
import { InstallButton } from './InstallButton.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** マイページ's 表示設定 section: the language, the display settings page and installing the app (once the header's). */
export function AppSettingsSection() {
  const { m } = useI18n();
  const kiosk = useKiosk();
  return (
    <section className="stack" aria-labelledby="app-settings-title">
      <h2 id="app-settings-title">{m.shell.settingsLink}</h2>
      <p className="button-row">
        <LanguageSwitch />
        <Link to="/settings" className="button" data-testid="settings-link">
          {m.shell.displaySettings}
        </Link>
        {/* Kiosks are shared: nothing is installed or subscribed on them. */}
        {kiosk ? null : <InstallButton />}
      </p>
    </section>
  );
}
