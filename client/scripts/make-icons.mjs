// Rasterises the app icons from SVG with headless Chromium (Debian's, via
// playwright-core). Run from the repo root: `node client/scripts/make-icons.mjs`.
// Needs a Japanese font for the 組 glyph: `apt-get install fonts-noto-cjk`.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';

const publicDir = path.resolve(import.meta.dirname, '../public');
const iconsDir = path.join(publicDir, 'icons');

const RED = '#8c1c2b';
const FONT = "'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Kaku Gothic ProN', 'Yu Gothic', sans-serif";

/**
 * @param {{ maskable: boolean }} opts
 * A regular icon is a rounded square with a transparent corner; a maskable one
 * is full-bleed, its glyph kept inside the central 80 % safe zone.
 */
function iconSvg({ maskable }) {
  const bg = maskable
    ? `<rect width="512" height="512" fill="${RED}"/>`
    : `<rect x="16" y="16" width="480" height="480" rx="104" fill="${RED}"/>`;
  // Glyph box: ~55 % of the canvas for maskable (well inside the 80 % circle), ~64 % otherwise.
  // The CJK em box sits low with `central`, hence y a little above the middle.
  const size = maskable ? 280 : 330;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
  ${bg}
  <text x="256" y="${maskable ? 244 : 240}" text-anchor="middle" dominant-baseline="central"
    font-family="${FONT}" font-weight="900" font-size="${size}" fill="#ffffff">組</text>
</svg>`;
}

/** Apple touch icons are drawn opaque: iOS fills transparency with black. */
function appleSvg() {
  return iconSvg({ maskable: true });
}

const targets = [
  { file: 'icons/icon-192.png', size: 192, svg: iconSvg({ maskable: false }) },
  { file: 'icons/icon-512.png', size: 512, svg: iconSvg({ maskable: false }) },
  { file: 'icons/icon-512-maskable.png', size: 512, svg: iconSvg({ maskable: true }) },
  { file: 'icons/apple-touch-icon-180.png', size: 180, svg: appleSvg() },
];

await mkdir(iconsDir, { recursive: true });
// launch() gives Chromium a fresh temporary profile of its own.
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  for (const t of targets) {
    const page = await browser.newPage({ viewport: { width: t.size, height: t.size }, deviceScaleFactor: 1 });
    const html = `<!doctype html><html><head><meta charset="utf-8"><style>
      html,body{margin:0;padding:0;background:transparent}
      svg{display:block;width:${t.size}px;height:${t.size}px}
    </style></head><body>${t.svg}</body></html>`;
    await page.setContent(html);
    // Wait for the CJK font before drawing (a string runs in the page, not in Node).
    await page.evaluate('document.fonts.ready.then(() => true)');
    await page.screenshot({ path: path.join(publicDir, t.file), omitBackground: true, clip: { x: 0, y: 0, width: t.size, height: t.size } });
    await page.close();
    console.log(`wrote ${t.file}`);
  }
} finally {
  await browser.close();
}

// The favicon stays vector; browsers without the font fall back to a sans glyph.
await writeFile(path.join(publicDir, 'favicon.svg'), iconSvg({ maskable: false }).replace(' width="512" height="512"', '') + '\n');
console.log('wrote favicon.svg');
