import './shell.css';
import { Outlet } from '@tanstack/react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import { SyncProvider } from '../../sync/SyncProvider.tsx';
import { useSession } from '../auth/index.ts';
import { featureModules, syncRegistrations } from '../index.ts';
import { AppHeader } from './AppHeader.tsx';
import { ServerRestoredBanner } from './ServerRestoredBanner.tsx';
import { SessionEndedBanner } from './SessionEndedBanner.tsx';
import { StorageLostBanner } from './StorageLostBanner.tsx';
import { SyncSessionWatcher } from './SyncSessionWatcher.tsx';
import { TabBar } from './TabBar.tsx';
import { UpdateBanner } from './UpdateBanner.tsx';

export function AppShell() {
  const { m } = useI18n();
  // What the modules keep running on every page (e.g. the attachment cache). Read at render: the module list imports this file.
  const background = featureModules.flatMap((module) => module.background ?? []);
  const { me } = useSession();
  // The signed-in member's device database and replication (also offline); none while signed out.
  return (
    <SyncProvider memberId={me?.member.id ?? null} collections={syncRegistrations} personalDevice={me?.session.kind !== 'kiosk'}>
      <a className="skip-link" href="#main">
        {m.app.skipToContent}
      </a>
      <AppHeader />
      <UpdateBanner />
      <SessionEndedBanner />
      <ServerRestoredBanner />
      <StorageLostBanner />
      <SyncSessionWatcher />
      {background.map((Part, i) => (
        <Part key={i} />
      ))}
      {/* The tab bar comes first in reading order; on phones app.css shows it at the bottom of the screen, on wide screens beside the page. */}
      <div className="app-body">
        <TabBar />
        <main id="main" className="app-main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </SyncProvider>
  );
}
