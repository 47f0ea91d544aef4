import { Link } from '@tanstack/react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import { InstallButton } from './InstallButton.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { SyncStatusIndicator } from './SyncStatusIndicator.tsx';

export function AppHeader() {
  const { m } = useI18n();
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <Link to="/" className="app-name" data-testid="app-name">
          {m.app.name}
        </Link>
        <SyncStatusIndicator />
        <nav className="header-nav" aria-label={m.app.mainNav}>
          <Link to="/settings" className="button header-button" data-testid="settings-link" activeProps={{ 'aria-current': 'page' }}>
            {m.shell.settingsLink}
          </Link>
          <LanguageSwitch />
          <InstallButton />
        </nav>
      </div>
    </header>
  );
}
