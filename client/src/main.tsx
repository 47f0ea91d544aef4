import './app.css';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { refreshSession, watchOwedSignOut } from './features/auth/index.ts';
import { featureModules } from './features/index.ts';
import { loadKiosk } from './features/kiosk/index.ts';
import { applyStoredDisplaySettings } from './features/settings/display.ts';
import { startPwa } from './features/shell/pwa.ts';
import { applyInitialLang, installMessages } from './i18n/lang.ts';
import { router } from './router.ts';
import { watchConnectivity } from './sync/status.ts';

// Before the first render: every feature module's texts join the catalogue; the page must never flash at the wrong size, contrast or language.
installMessages(featureModules.map((m) => m.messages));
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
