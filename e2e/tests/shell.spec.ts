import { AppShell } from '../pages/app-shell.ts';
import { expect, test } from '../support/fixtures.ts';

test('the built app loads, and opens again with the network cut once the service worker controls it', async ({ page, context }) => {
  const shell = new AppShell(page);
  await shell.open('/');
  await expect(shell.syncStatus).toHaveAttribute('data-phase', /.+/);
  await expect(shell.syncStatus).toHaveAttribute('data-pending', '0');
  await shell.waitForServiceWorker();

  await context.setOffline(true);
  await expect(shell.syncStatus).toHaveAttribute('data-phase', 'offline');
  await page.reload();
  await expect(page.getByTestId('app-name')).toBeVisible();
  await expect(shell.syncStatus).toHaveAttribute('data-phase', 'offline');
  // An app path the browser never visited also opens offline (navigation fallback).
  await page.goto('/settings');
  await expect(page.getByTestId('font-size-control')).toBeVisible();
  await context.setOffline(false);
});

test('language and font size are remembered across reloads', async ({ page }) => {
  const shell = new AppShell(page);
  await shell.open('/');
  expect(await shell.language()).toBe('ja');
  await shell.switchLanguage();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await shell.setFontScale(175);
  expect(await shell.rootFontSize()).toBe('175%');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('font-size-control').getByLabel('175%')).toBeChecked();
  expect(await shell.rootFontSize()).toBe('175%');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/settings/i);
});

test('the server sends the security headers and cache rules the shell relies on', async ({ page, server }) => {
  const response = await page.goto('/');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cache-control']).toContain('no-store');
  const sw = await page.request.get(`${server.url}/sw.js`);
  expect(sw.headers()['cache-control']).toContain('no-store');
  const manifest = await page.request.get(`${server.url}/manifest.webmanifest`);
  const body = (await manifest.json()) as { display: string; icons: { purpose?: string; sizes: string }[] };
  expect(body.display).toBe('standalone');
  expect(body.icons.some((icon) => icon.purpose?.includes('maskable'))).toBe(true);
  expect(new Set(body.icons.map((icon) => icon.sizes)).size).toBeGreaterThanOrEqual(2);
  const api404 = await page.request.get(`${server.url}/api/nothing-here`);
  expect(api404.status()).toBe(404);
  expect(await api404.json()).toMatchObject({ error: { code: 'not_found' } });
});
