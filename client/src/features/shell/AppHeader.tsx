import { Link } from '@tanstack/react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useSession } from '../auth/index.ts';
import { KioskSessionBar } from '../kiosk/index.ts';
import { useKiosk } from '../kiosk/index.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { SyncStatusIndicator } from './SyncStatusIndicator.tsx';

/**
 * The header: the union's name and the sync state, small enough that the first screen shows
 * content even at 200 % text. Signed-in members find language, display settings and installing
 * on マイページ (the tab bar); a visitor not signed in keeps the language switch here.
 */
export function AppHeader() {
  const { m } = useI18n();
  const { me } = useSession();
  const kiosk = useKiosk();
  const kioskMember = kiosk && me?.session.kind === 'kiosk';
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <Link to="/" className="app-name" data-testid="app-name">
          {me?.unionName ?? m.app.name}
        </Link>
        <SyncStatusIndicator />
        {me ? null : <LanguageSwitch inHeader />}
        {kioskMember ? <KioskSessionBar kiosk={kiosk} /> : null}
      </div>
    </header>
  );
}
