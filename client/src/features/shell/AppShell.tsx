import { Outlet } from '@tanstack/react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import { AppHeader } from './AppHeader.tsx';
import { UpdateBanner } from './UpdateBanner.tsx';

export function AppShell() {
  const { m } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {m.app.skipToContent}
      </a>
      <AppHeader />
      <UpdateBanner />
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
