import { spawnSync } from 'node:child_process';
import { AppShell } from '../pages/app-shell.ts';
import { MePage } from '../pages/me-page.ts';
import { expect, test } from '../support/fixtures.ts';
import { REPO_ROOT, startServer } from '../support/server.ts';
import { expectUpToDate, memberOnPhone, unionWithRoster } from '../support/sync.ts';

function kumiai(dataDir: string, ...args: string[]): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, KUMIAI_DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`kumiai ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

test('an online phone survives a restore of the server to an older backup: its change since is sent again and the member is told', async ({ page, server, browser }) => {
  await unionWithRoster(page, server);
  const { phone, memberPage, card } = await memberOnPhone(browser, page, server);
  let restarted: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    const shell = new AppShell(memberPage);
    const me = new MePage(memberPage);
    await me.open();
    await expectUpToDate(shell);
    await me.changePhone('090-1111-0001');
    await expectUpToDate(shell);

    // The nightly backup, taken while the server runs; then one more change the backup does not hold.
    const made = kumiai(server.dataDir, 'backup');
    const file = /^(\S+\.tar)\s/m.exec(made)?.[1];
    expect(file).toBeTruthy();
    await me.changePhone('090-1111-0002');
    await expectUpToDate(shell);

    // The server is stopped, restored from that backup, and started again at the same address.
    await server.stop();
    expect(kumiai(server.dataDir, 'restore', file!)).toContain('restored the backup of');
    restarted = await startServer({ KUMIAI_PORT: String(server.port) }, { dataDir: server.dataDir });

    // The phone reconnects, notices the restore, starts over and sends its change again.
    const banner = memberPage.getByTestId('server-restored');
    await expect(banner).toBeVisible({ timeout: 30_000 });
    await expect(banner).toHaveAttribute('data-count', '1');
    await expect(banner).toContainText('バックアップから復元されました');
    await expect(banner).toContainText('1 件を送り直しました');
    await expectUpToDate(shell);
    await expect(me.phone).toHaveValue('090-1111-0002');
    const officerView = await page.request.get(`${restarted.url}/api/members/${card.memberId}`);
    expect(officerView.ok()).toBe(true);
    expect(JSON.stringify(await officerView.json())).toContain('090-1111-0002');
    await memberPage.getByTestId('server-restored-dismiss').click();
    await expect(banner).toHaveCount(0);
  } finally {
    await restarted?.stop();
    await phone.close();
  }
});
