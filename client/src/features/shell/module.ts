import { defineModule } from '../../lib/feature-module.ts';
import { startPwa } from './pwa.ts';
import { notFoundEn, notFoundJa, shellEn, shellJa } from './messages.ts';

/** The app frame: header, banners, the not-found page. Its AppShell is the root route's component (src/routes/root.tsx). */
export const shellModule = defineModule({
  name: 'shell',
  // The service worker: offline use and the update banner.
  start: startPwa,
  messages: { ja: { shell: shellJa, notFound: notFoundJa }, en: { shell: shellEn, notFound: notFoundEn } },
});
