import type { Page } from '@playwright/test';
import { AppShell } from '../pages/app-shell.ts';
import { MePage } from '../pages/me-page.ts';
import { tamperWithOwnRecord } from '../support/device-data.ts';
import { expect, test } from '../support/fixtures.ts';
import { serverMetric } from '../support/server.ts';
import { expectUpToDate, memberOnPhone, unionWithRoster } from '../support/sync.ts';

/** Counts the sync sockets each page opens. */
function watchSockets(pages: Page[]): { opened: Map<Page, number> } {
  const opened = new Map<Page, number>(pages.map((p) => [p, 0]));
  for (const p of pages) {
    p.on('websocket', (ws) => {
      if (ws.url().includes('/api/sync')) opened.set(p, (opened.get(p) ?? 0) + 1);
    });
  }
  return { opened };
}

/** How many of these tabs say they are the one that syncs. */
async function leaders(tabs: Page[]): Promise<number> {
  const flags = await Promise.all(tabs.map((t) => t.getByTestId('sync-status').getAttribute('data-leading')));
  return flags.filter((f) => f === 'true').length;
}

test('two tabs of one member: one replicates and the other follows; a change made in either is sent once; a refusal is listed once in both', async ({ page, server, browser }) => {
  await unionWithRoster(page, server);
  const { phone, memberPage, card } = await memberOnPhone(browser, page, server);
  try {
    // The app is open in the first tab; a second tab of the same member opens.
    const second = await phone.newPage();
    const sockets = watchSockets([second]);
    const me2 = new MePage(second);
    await me2.open();
    // The follower shows the leader's state, and opens no socket of its own.
    await expectUpToDate(new AppShell(second));
    await expect.poll(() => leaders([memberPage, second])).toBe(1);
    await expect(second.getByTestId('sync-status')).toHaveAttribute('data-leading', 'false');
    await me2.changePhone('070-1111-2222');
    await expectUpToDate(new AppShell(second));
    await expect(async () => {
      const officerView = await page.request.get(`${server.url}/api/members/${card.memberId}`);
      expect(JSON.stringify(await officerView.json())).toContain('070-1111-2222');
    }).toPass();
    expect(sockets.opened.get(second)).toBe(0);
    // The first (leading) tab counts nothing as waiting.
    await expectUpToDate(new AppShell(memberPage));

    // The leading tab closes: the other one takes over the syncing.
    await memberPage.close();
    await expect.poll(() => sockets.opened.get(second)).toBe(1);
    await expect(second.getByTestId('sync-status')).toHaveAttribute('data-leading', 'true');
    await me2.changePhone('070-3333-4444');
    await expectUpToDate(new AppShell(second));

    // A change the server refuses, pushed from a database two tabs open at once: one refusal, in both tabs.
    await tamperWithOwnRecord(second, card.memberId);
    const third = await phone.newPage();
    await Promise.all([me2.open(), new MePage(third).open()]);
    for (const tab of [second, third]) {
      await expect(tab.getByTestId('rejection')).toHaveCount(1);
      await expect(tab.getByTestId('rejection')).toHaveAttribute('data-code', 'forbidden_field');
      await expectUpToDate(new AppShell(tab));
    }
    // Reloading (the refused change pushed again at the next start) still lists it once.
    await third.reload();
    await expect(third.getByTestId('profile-phone')).toBeVisible();
    await expectUpToDate(new AppShell(third));
    for (const tab of [second, third]) await expect(tab.getByTestId('rejection')).toHaveCount(1);
    // One tab syncs: one sync socket open at the server (the browser does not report the closing of a
    // socket whose page navigated away, so the server counts), and one tab says it leads.
    await expect.poll(() => serverMetric(server, 'kumiai_sync_sockets_open')).toBe(1);
    await expect.poll(() => leaders([second, third])).toBe(1);
  } finally {
    await phone.close();
  }
});
