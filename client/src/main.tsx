import './app.css';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyStoredDisplaySettings } from './features/settings/display.ts';
import { refreshSession } from './features/auth/session.ts';
import { watchOwedSignOut } from './features/auth/sign-out-queue.ts';
import { loadKiosk } from './features/kiosk/kiosk-store.ts';
import { startPwa } from './features/shell/pwa.ts';
import { applyInitialLang } from './i18n/lang.ts';
import { router } from './router.ts';
import { watchConnectivity } from './sync/status.ts';

// Before the first render: the page must never flash at the wrong size, contrast or language.
applyStoredDisplaySettings();
applyInitialLang();
watchConnectivity();
watchOwedSignOut();
startPwa();
// Who is signed in, and whether this browser is a kiosk: asked once, early; route guards wait for the answers.
void refreshSession();
void loadKiosk();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
