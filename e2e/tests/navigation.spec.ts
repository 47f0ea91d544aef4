import type { Locator, Page } from '@playwright/test';
import { AppShell } from '../pages/app-shell.ts';
import { seriousViolations } from '../support/a11y.ts';
import { expect, test } from '../support/fixtures.ts';
import { ADMIN, originOf } from '../support/identity.ts';
import { createSurvey, grantRole } from '../support/forms.ts';
import type { RunningServer } from '../support/server.ts';
import { expectUpToDate, MEMBER_A, memberOnPhone, unionWithRoster } from '../support/sync.ts';

/** The tab bar (bottom of a phone's screen), found by its name. */
const tabBar = (page: Page): Locator => page.getByRole('navigation', { name: /^(メインメニュー|Main menu)$/ });

async function publishNotice(page: Page, server: RunningServer, title: string): Promise<string> {
  const res = await page.request.post(`${server.url}/api/notices`, {
    headers: originOf(server),
    data: { title, body: `${title}の本文です。`, pinned: false, audience: { all: true, units: [], roles: [], members: [] } },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByText(/^(読み込み中…|Loading…)$/)).toHaveCount(0);
  expect(await seriousViolations(page), screen).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  // What sticks out, named in the failure.
  const wide = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('body *'))
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 || (e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0 && getComputedStyle(e).overflowX === 'visible'))
      .slice(0, 12)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${(e.textContent ?? '').slice(0, 30)} r=${Math.round(e.getBoundingClientRect().right)} w=${e.clientWidth} sw=${e.scrollWidth}`),
  );
  expect(overflow, `${screen} scrolls sideways: ${wide.join(' | ')}`).toBeLessThanOrEqual(0);
}

test('the tab bar reaches every area through its labels, marks the current one, and its badges count what waits', async ({ page, server, browser }) => {
  test.setTimeout(120_000);
  await unionWithRoster(page, server);
  const { phone, memberPage } = await memberOnPhone(browser, page, server);
  try {
    const shell = new AppShell(memberPage);
    await expectUpToDate(shell);
    const bar = tabBar(memberPage);
    // Nothing waits yet: no badge, and the home page says all is done.
    await expect(bar.getByRole('link', { name: 'お知らせ', exact: true })).toBeVisible();
    await expect(bar.getByRole('link', { name: '手続き', exact: true })).toBeVisible();
    await expect(memberPage.getByText('すべて確認済みです。', { exact: false })).toBeVisible();

    // Every area, through the visible labels only; the current tab is marked.
    const areas: [string, RegExp][] = [
      ['お知らせ', /^お知らせ$/],
      ['手続き', /^アンケート・申請$/],
      ['資料', /^資料室$/],
      ['マイページ', /^マイページ$/],
      ['ホーム', /^ようこそ$/],
    ];
    for (const [tab, heading] of areas) {
      await bar.getByRole('link', { name: tab, exact: true }).click();
      await expect(memberPage.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expect(bar.getByRole('link', { name: tab, exact: true })).toHaveAttribute('aria-current', 'page');
      await expect(bar.locator('[aria-current="page"]')).toHaveCount(1);
    }

    // Two notices published: the お知らせ badge says 2, in its accessible name too; the home lists them as unread.
    const first = await publishNotice(page, server, '定期大会のお知らせ');
    await publishNotice(page, server, '職場集会のお知らせ');
    await expect(bar.getByRole('link', { name: 'お知らせ 2件未読' })).toBeVisible();
    await expect(bar.getByRole('link', { name: 'お知らせ 2件未読' })).toContainText('2');
    await expect(memberPage.getByRole('link', { name: /定期大会のお知らせ/ })).toContainText('未読');
    await expect(memberPage.getByText('すべて確認済みです。', { exact: false })).toHaveCount(0);

    // Reading one leaves one.
    await memberPage.getByRole('link', { name: /定期大会のお知らせ/ }).click();
    await expect(memberPage.getByRole('heading', { level: 1 })).toHaveText('定期大会のお知らせ');
    await expect(bar.getByRole('link', { name: 'お知らせ 1件未読' })).toBeVisible();
    // The list keeps the read one, no longer marked unread.
    await memberPage.getByRole('link', { name: 'お知らせ一覧へ戻る' }).first().click();
    await expect(memberPage.getByRole('heading', { level: 1 })).toHaveText('お知らせ');
    await expect(memberPage.locator(`[data-notice-id="${first}"]`)).toHaveAttribute('data-unread', 'false');

    // An open survey not yet answered: the 手続き badge, and a home card that says why it is there.
    await createSurvey(page, server, { title: '職場アンケート', anonymous: false, fields: [{ id: 'q', type: 'yes_no', label: { ja: '満足していますか' }, required: true }] });
    await expect(bar.getByRole('link', { name: '手続き 1件の対応待ち' })).toBeVisible();
    await bar.getByRole('link', { name: 'ホーム', exact: true }).click();
    const surveyRow = memberPage.getByRole('link', { name: /職場アンケート/ });
    await expect(surveyRow).toContainText('未回答');
    await expect(surveyRow).toContainText('締切');
  } finally {
    await phone.close();
  }
});

test('the officer home lists an application waiting for their approval, oldest first, and it leaves once they act', async ({ page, server, browser }) => {
  test.setTimeout(120_000);
  await unionWithRoster(page, server);
  await grantRole(page, server, ADMIN.employeeNumber, 'A1', 'officer');
  const created = await page.request.post(`${server.url}/api/forms`, {
    headers: originOf(server),
    data: {
      kind: 'application',
      title: '慶弔見舞金',
      description: '',
      fields: [{ id: 'reason', type: 'short_text', label: { ja: '理由' }, required: true }],
      steps: [{ role: 'officer', level: 0 }],
      audience: { all: true, units: [], roles: [], members: [] },
      status: 'published',
      opensAt: Date.now() - 60_000,
      closesAt: null,
      anonymous: false,
      allowEdit: false,
    },
  });
  expect(created.status()).toBe(201);
  const { phone, memberPage } = await memberOnPhone(browser, page, server);
  try {
    // The member applies from the 手続き tab.
    await expectUpToDate(new AppShell(memberPage));
    await tabBar(memberPage).getByRole('link', { name: '手続き', exact: true }).click();
    await memberPage.getByRole('link', { name: /慶弔見舞金/ }).click();
    await memberPage.getByLabel('理由').fill('父の葬儀');
    await memberPage.getByRole('button', { name: '申請する' }).click();
    await expect(memberPage.getByText(/^(送信しました|この端末に保存しました)/).first()).toBeVisible();
    await expectUpToDate(new AppShell(memberPage));

    // The officer's home says what needs them.
    await page.goto('/');
    const card = page.getByRole('region', { name: /あなたの承認を待っている申請/ });
    await expect(card).toContainText('1件');
    const row = card.getByRole('link', { name: new RegExp(`慶弔見舞金: ${MEMBER_A.name}`) });
    await expect(row).toBeVisible();
    await expectAccessible(page, 'officer home at 390 px');
    // The officer menu is grouped by task.
    const menu = page.getByRole('navigation', { name: '役員メニュー' });
    for (const group of ['名簿・組織', '発信', '手続き', '管理']) await expect(menu.getByRole('heading', { name: group, exact: true })).toBeVisible();

    await row.click();
    await page.getByRole('button', { name: '承認する' }).click();
    await expect(page.getByText('承認しました。')).toBeVisible();
    await page.getByRole('link', { name: /^(ものづくり労働組合)$/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ようこそ');
    await expect(card).toContainText('あなたの承認を待っている申請はありません。');
    await expect(card.getByRole('link', { name: /慶弔見舞金/ })).toHaveCount(0);
  } finally {
    await phone.close();
  }
});

test('axe at 390 px and 200 % in Japanese and English: member and officer home, /notices, マイページ; the header leaves the first screen to content; no sideways scroll at 320 px', async ({ page, server, browser }) => {
  test.setTimeout(150_000);
  await unionWithRoster(page, server);
  await publishNotice(page, server, '定期大会のお知らせ');
  const { phone, memberPage } = await memberOnPhone(browser, page, server);
  try {
    for (const who of [memberPage, page]) {
      const shell = new AppShell(who);
      await shell.setFontScale(200);
      for (const lang of ['ja', 'en'] as const) {
        // The language is chosen on マイページ now (the header keeps only the union's name and the sync state).
        await who.goto('/me');
        if ((await shell.language()) !== lang) await who.getByRole('button', { name: lang === 'en' ? 'English' : '日本語' }).click();
        await expect(who.locator('html')).toHaveAttribute('lang', lang);
        await expectAccessible(who, `/me ${lang}`);
        for (const path of ['/', '/notices']) {
          await who.goto(path);
          await expectAccessible(who, `${path} ${lang} at 200%`);
        }
      }
      // At 200 % the header takes under a third of a 390 × 844 screen, and the page's heading is on the first screen.
      await who.goto('/');
      const header = await who.getByRole('banner').boundingBox();
      expect(header?.height ?? Infinity).toBeLessThan(844 / 3);
      await expect(who.getByRole('heading', { level: 1 })).toBeInViewport();
      // The tab bar stays on screen.
      await expect(tabBar(who)).toBeInViewport();
      // 320 px: nothing scrolls sideways, tab bar included.
      await who.setViewportSize({ width: 320, height: 640 });
      await expectAccessible(who, 'home at 320 px, 200%');
      await who.setViewportSize({ width: 390, height: 844 });
    }
  } finally {
    await phone.close();
  }
});
