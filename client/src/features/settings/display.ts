import { useSyncExternalStore } from 'react';
import { createExternalStore } from '../../lib/external-store.ts';
import { readStored, writeStored } from '../../lib/storage.ts';

/**
 * Display preferences kept on the device. Everything in app.css is sized in
 * rem, so the root font size scales the whole interface, touch targets included.
 */
export const fontScales = [100, 125, 150, 175, 200] as const;
export type FontScale = (typeof fontScales)[number];
export type Contrast = 'normal' | 'high';

export interface DisplaySettings {
  fontScale: FontScale;
  contrast: Contrast;
}

const FONT_KEY = 'kumiai.fontScale';
const CONTRAST_KEY = 'kumiai.contrast';

function parseFontScale(raw: string | null): FontScale {
  const n = Number(raw);
  return fontScales.find((s) => s === n) ?? 100;
}

function parseContrast(raw: string | null): Contrast {
  return raw === 'high' ? 'high' : 'normal';
}

const store = createExternalStore<DisplaySettings>({
  fontScale: parseFontScale(readStored(FONT_KEY)),
  contrast: parseContrast(readStored(CONTRAST_KEY)),
});

function apply(settings: DisplaySettings): void {
  const root = document.documentElement;
  root.style.fontSize = `${settings.fontScale}%`;
  root.dataset.contrast = settings.contrast;
}

/** Called in main.tsx before the first render, so the page never flashes at the wrong size. */
export function applyStoredDisplaySettings(): void {
  apply(store.getSnapshot());
}

export function setFontScale(fontScale: FontScale): void {
  writeStored(FONT_KEY, String(fontScale));
  store.update((s) => ({ ...s, fontScale }));
  apply(store.getSnapshot());
}

export function setContrast(contrast: Contrast): void {
  writeStored(CONTRAST_KEY, contrast);
  store.update((s) => ({ ...s, contrast }));
  apply(store.getSnapshot());
}

export function useDisplaySettings(): DisplaySettings {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
