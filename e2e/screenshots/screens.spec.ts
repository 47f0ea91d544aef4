import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { AppShell } from '../pages/app-shell.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import { REPO_ROOT, startServer, type RunningServer } from '../support/server.ts';

/**
 * Screenshots of the member home, the officer home and the tab bar at 390 px, in Japanese,
 * at 100 % and 200 % text, on the demo union (`pnpm kumiai demo` on a fresh database).
 * Written to docs/screenshots/; the README links them.
 */
const OUT = path.join(REPO_ROOT, 'docs/screenshots');

interface Person {
  employeeNumber: string;
  password: string;
}

/** Fills a fresh data folder with the demo union; the officer's and the member's sign-in details it printed. */
function demo(dataDir: string): { officer: Person; member: Person } {
  const out = execFileSync('pnpm', ['-s', 'kumiai', 'demo'], { cwd: REPO_ROOT, env: { ...process.env, KUMIAI_DATA_DIR: dataDir }, encoding: 'utf8' });
  const person = (role: string): Person => {
    const match = new RegExp(`${role}\\s+.+?employee number (\\S+)\\s+password (\\S+)`).exec(out);
    if (!match) throw new Error(`the demo printed no ${role}:\n${out}`);
    return { employeeNumber: match[1]!, password: match[2]! };
  };
  return { officer: person('officer'), member: person('member') };
}

let server: RunningServer;
let people: { officer: Person; member: Person };

test.beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kumiai-screens-'));
  people = demo(dataDir);
  server = await startServer({}, { dataDir });
});

test.afterAll(async () => {
  await server.stop();
});

/** A phone (390 px, Japanese) signed in, at the given text size, on its home page with everything loaded. */
async function phoneAt(browser: Browser, who: Person, percent: number): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 390, height: 844 }, locale: 'ja-JP' });
  const page = await context.newPage();
  const shell = new AppShell(page);
  await shell.setFontScale(percent);
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(who.employeeNumber, who.password);
  await expect(page.getByRole('heading', { level: 1, name: 'ようこそ' })).toBeVisible();
  await expect(shell.syncStatus).toHaveAttribute('data-phase', 'synced', { timeout: 30_000 });
  await expect(page.getByText('読み込み中…')).toHaveCount(0, { timeout: 30_000 });
  // The officer cards ask the server; their answers are in once the network is quiet.
  await page.waitForLoadState('networkidle');
  await expect(page.getByText('読み込み中…')).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  return page;
}

for (const percent of [100, 200]) {
  test(`member home and tab bar at ${percent}%`, async ({ browser }) => {
    const page = await phoneAt(browser, people.member, percent);
    await page.screenshot({ path: path.join(OUT, `member-home-${percent}.png`) });
    await page.getByRole('navigation', { name: 'メインメニュー' }).screenshot({ path: path.join(OUT, `tab-bar-${percent}.png`) });
    await page.context().close();
  });

  test(`officer home at ${percent}%`, async ({ browser }) => {
    const page = await phoneAt(browser, people.officer, percent);
    await page.screenshot({ path: path.join(OUT, `officer-home-${percent}.png`) });
    await page.context().close();
  });
}
