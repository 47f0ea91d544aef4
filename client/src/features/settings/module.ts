import { defineModule } from '../../lib/feature-module.ts';
import { applyStoredDisplaySettings } from './display.ts';
import { settingsEn, settingsJa } from './messages.ts';
import { settingsRoute } from './settings-route.tsx';

/** Display settings (font size, contrast, language), open to everyone. */
export const settingsModule = defineModule({
  name: 'settings',
  routes: [settingsRoute],
  // The page must never flash at the wrong size or contrast.
  start: applyStoredDisplaySettings,
  messages: { ja: { settings: settingsJa }, en: { settings: settingsEn } },
});
