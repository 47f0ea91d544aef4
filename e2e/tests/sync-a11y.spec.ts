import type { Page } from '@playwright/test';
import { AppShell } from '../pages/app-shell.ts';
import { MePage } from '../pages/me-page.ts';
import { seriousViolations } from '../support/a11y.ts';
import { tamperWithOwnRecord } from '../support/device-data.ts';
import { expect, test } from '../support/fixtures.ts';
import { expectUpToDate, memberOnPhone, unionWithRoster } from '../support/sync.ts';

async function expectAccessible(page: Page, screen: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await seriousViolations(page), screen).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${screen} scrolls sideways`).toBeLessThanOrEqual(0);
}

test('axe: /me with a waiting change and with a refused change, at 390 px and 200% text', async ({ page, server, browser }) => {
  await unionWithRoster(page, server);
  const { phone, memberPage, card } = await memberOnPhone(browser, page, server);
  try {
    const shell = new AppShell(memberPage);
    const me = new MePage(memberPage);
    await shell.setFontScale(200);
    await me.open();
    await expectUpToDate(shell);

    // A change waiting to be sent (offline).
    await phone.setOffline(true);
    await me.changePhone('070-5555-6666');
    await expect(me.pendingNote).toBeVisible();
    await expectAccessible(memberPage, '/me with a waiting change');
    await phone.setOffline(false);
    await expectUpToDate(shell);

    // A change the server refuses: shown with its reason, until discarded.
    await tamperWithOwnRecord(memberPage, card.memberId);
    await me.open();
    await expect(me.rejections).toHaveCount(1);
    await expect(me.rejections).toHaveAttribute('data-code', 'forbidden_field');
    await expect(me.rejections).toContainText('自分では変更できません');
    await expect(me.rejections).toContainText('氏名');
    // The record is the server's again; nothing is counted as waiting.
    await expect(memberPage.getByTestId('me-name')).toHaveText('髙橋 誠一');
    await expectUpToDate(shell);
    expect(await shell.rootFontSize()).toBe('200%');
    await expectAccessible(memberPage, '/me with a refused change');

    await memberPage.getByTestId('rejection-discard').click();
    await expect(me.rejections).toHaveCount(0);
  } finally {
    await phone.close();
  }
});
