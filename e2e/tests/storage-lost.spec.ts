import type { Page } from '@playwright/test';
import { AppShell } from '../pages/app-shell.ts';
import { MePage } from '../pages/me-page.ts';
import { NoticesPage } from '../pages/notices-page.ts';
import { seriousViolations } from '../support/a11y.ts';
import { expect, test } from '../support/fixtures.ts';
import { unitIdOf } from '../support/notices.ts';
import { expectUpToDate, memberOnPhone, unionWithRoster } from '../support/sync.ts';

/**
 * What "clear site data" or an eviction does under a running page: every IndexedDB database of the
 * origin deleted, the app's open connections told to close (versionchange). Returns the names deleted.
 */
async function deleteIndexedDb(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter(Boolean);
    await Promise.all(
      names.map(
        (name) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(name);
            // A connection that does not close (the service worker's) blocks its deletion: do not wait for it.
            request.onsuccess = request.onerror = request.onblocked = () => resolve();
          }),
      ),
    );
    return names;
  });
}

test('the browser deletes the device database under a signed-in phone: the member is told, the notices come back, the waiting change and a later one reach the server', async ({ page, server, browser }) => {
  await unionWithRoster(page, server);
  const a1 = await unitIdOf(page, server, 'A1');
  const { phone, memberPage, card } = await memberOnPhone(browser, page, server);
  try {
    const noticeId = await new NoticesPage(page).publish({ title: '職場集会のお知らせ', body: '来週の集会について。', unitIds: [a1], files: [] });
    const shell = new AppShell(memberPage);
    const me = new MePage(memberPage);
    const feed = new NoticesPage(memberPage);
    const banner = memberPage.getByTestId('storage-lost');

    // A change made offline is waiting; the member goes back to the feed (in the page, no reload).
    await me.open();
    await expectUpToDate(shell);
    await phone.setOffline(true);
    await me.changePhone('090-5555-0001');
    await expect(shell.syncStatus).toHaveAttribute('data-pending', '1');
    await memberPage.getByTestId('app-name').click();
    await expect(feed.item(noticeId)).toBeVisible();
    await expect(banner).toHaveCount(0);

    // The browser takes the device database away.
    const deleted = await deleteIndexedDb(memberPage);
    expect(deleted.some((n) => n.startsWith('rxdb-dexie-kumiai-m-'))).toBe(true);

    // The member is told in plain words, in the polite live region, that the waiting change is kept.
    await expect(banner).toBeVisible();
    await expect(banner).toHaveAttribute('data-phase', 'recovering');
    await expect(banner).toHaveAttribute('data-kept', '1');
    await expect(banner).toHaveAttribute('data-not-kept', '0');
    await expect(banner).toContainText('ブラウザによって消去された');
    await expect(banner).toContainText('送信待ちだった変更 1 件は残してあり');
    await expect(memberPage.getByTestId('storage-lost-live')).toHaveAttribute('role', 'status');
    // Offline, the reopened database is empty: nothing is shown that it does not hold.
    await expect(feed.item(noticeId)).toHaveCount(0);

    // Back online: it reads everything again, the notice comes back, the kept change is sent.
    await phone.setOffline(false);
    await expect(banner).toHaveAttribute('data-phase', 'recovered', { timeout: 30_000 });
    await expect(banner).toContainText('読み込み直しました');
    expect(await seriousViolations(memberPage), 'the feed with the banner').toEqual([]);
    await expect(feed.item(noticeId)).toBeVisible();
    await expect(feed.item(noticeId)).toContainText('職場集会のお知らせ');
    await expectUpToDate(shell);
    const officerView = async (): Promise<string> => JSON.stringify(await (await page.request.get(`${server.url}/api/members/${card.memberId}`)).json());
    expect(await officerView()).toContain('090-5555-0001');
    await memberPage.getByTestId('storage-lost-dismiss').click();
    await expect(banner).toHaveCount(0);

    // A change made afterwards syncs as usual.
    await me.open();
    await expect(me.phone).toHaveValue('090-5555-0001');
    await me.changePhone('090-5555-0002');
    await expectUpToDate(shell);
    await expect.poll(officerView).toContain('090-5555-0002');
  } finally {
    await phone.close();
  }
});
