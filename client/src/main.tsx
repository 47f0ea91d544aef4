import './app.css';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { featureModules } from './features/index.ts';
import { applyInitialLang, installMessages } from './i18n/lang.ts';
import { router } from './router.ts';
import { watchConnectivity } from './sync/status.ts';

// Before the first render: every feature module's texts join the catalogue; the page must never flash at the wrong size, contrast or language.
installMessages(featureModules.map((m) => m.messages));
applyInitialLang();
watchConnectivity();
// Each module's start-up work (display settings, the session and kiosk questions route guards wait for, the service worker), in list order.
for (const module of featureModules) module.start?.();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
