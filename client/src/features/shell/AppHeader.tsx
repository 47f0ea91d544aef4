import { Link } from '@tanstack/react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useSession } from '../auth/index.ts';
import { KioskSessionBar } from '../kiosk/index.ts';
import { useKiosk } from '../kiosk/index.ts';
import { InstallButton } from './InstallButton.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { SyncStatusIndicator } from './SyncStatusIndicator.tsx';

export function AppHeader() {
  const { m } = useI18n();
  const { me } = useSession();
  const kiosk = useKiosk();
  const kioskMember = kiosk && me?.session.kind === 'kiosk';
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <Link to="/" className="app-name" data-testid="app-name">
          {m.app.name}
        </Link>
        <SyncStatusIndicator />
        <nav className="header-nav" aria-label={m.app.mainNav}>
          {me ? (
            <Link to="/me" className="button header-button" data-testid="me-link" activeProps={{ 'aria-current': 'page' }}>
              {m.shell.meLink}
            </Link>
          ) : kiosk ? null : (
            <Link to="/sign-in" className="button header-button" data-testid="sign-in-link" activeProps={{ 'aria-current': 'page' }}>
              {m.shell.signInLink}
            </Link>
          )}
          <Link to="/settings" className="button header-button" data-testid="settings-link" activeProps={{ 'aria-current': 'page' }}>
            {m.shell.settingsLink}
          </Link>
          <LanguageSwitch />
          {/* Kiosks are shared: nothing is installed or subscribed on them. */}
          {kiosk ? null : <InstallButton />}
        </nav>
        {kioskMember ? <KioskSessionBar kiosk={kiosk} /> : null}
      </div>
    </header>
  );
}
