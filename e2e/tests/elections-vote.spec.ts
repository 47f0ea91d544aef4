import type { Page } from '@playwright/test';
import { AppShell } from '../pages/app-shell.ts';
import { seriousViolations, sidewaysOverflow } from '../support/a11y.ts';
import { readDeviceData, traces } from '../support/device-data.ts';
import { decryptAndPublish, electionCommission, openElection, tallyWhenClosed, uploadPhoto, VOTE_QUESTIONS } from '../support/elections.ts';
import { expect, test } from '../support/fixtures.ts';
import { photoPng } from '../support/forms.ts';
import { memberOnPhone, unionWithRoster } from '../support/sync.ts';

/**
 * The voting window, real time on the server's clock (the e2e server has no clock to move, and the
 * window is fixed when the election opens): long enough for the member's steps on a loaded runner;
 * the test then waits for the close by asking for the tally.
 */
const WINDOW_MS = 100_000;

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await seriousViolations(page), screen).toEqual([]);
  const overflow = () => sidewaysOverflow(page);
  expect(await overflow(), `${screen} scrolls sideways`).toBeLessThanOrEqual(0);
  // The narrowest phone too.
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await overflow(), `${screen} scrolls sideways at 320 px`).toBeLessThanOrEqual(0);
  if (size) await page.setViewportSize(size);
}

/** Chooses on the vote screen: 反対/No to the strike, the given chair, 白票 for the 信任投票. */
async function choose(page: Page, chair: RegExp, texts: { no: string; blank: string }): Promise<void> {
  const slots = page.getByTestId('election-slot');
  await expect(slots).toHaveCount(3);
  await slots.nth(0).getByLabel(texts.no, { exact: true }).check();
  await slots.nth(1).getByLabel(chair).check();
  await slots.nth(2).getByLabel(texts.blank).check();
}

test('a member reads the candidates offline, votes online only, keeps only the tracker, votes again, and after publication finds the result and their tracker in the public record', async ({ page, server, browser }) => {
  test.setTimeout(WINDOW_MS + 150_000);
  await unionWithRoster(page, server);
  const { admin, officer, officerContext, rootId } = await electionCommission(browser, page, server);
  const { phone, memberPage, card } = await memberOnPhone(browser, page, server);
  try {
    // 青木 has a photo (uploaded by the commission, as its candidate editor does).
    const photo = await uploadPhoto(server, admin, 'aoki.png', photoPng(120, 90));
    const questions = VOTE_QUESTIONS.map((q) => (q.id === 'chair' ? { ...q, options: q.options.map((o) => (o.id === 'aoki' ? { ...o, photo } : o)) } : q));
    const opensAt = Date.now();
    const input = { unitId: rootId, title: '第10回 役員選挙・スト権投票', titleEn: '10th officer election and strike vote', description: '組合員による直接無記名投票です。', electorate: { unitIds: [rootId], classes: [] }, quorumPercent: 0, opensAt, closesAt: opensAt + WINDOW_MS, questions };
    const { id, seeds } = await openElection(server, admin, [admin, officer], input);
    const shell = new AppShell(memberPage);

    // Home asks for the vote and says why (the deadline); the election page shows the candidates and their statements.
    await shell.open('/');
    await shell.waitForServiceWorker();
    const homeCard = memberPage.getByRole('region', { name: '投票のお願い' });
    await expect(homeCard.getByTestId('election-item')).toContainText('締切');
    await expectAccessible(memberPage, 'home with an election');
    // The 手続き tab counts the vote asked of the member, and its page lists it beside the forms.
    const procedures = memberPage.getByRole('navigation').getByRole('link', { name: /^手続き/ });
    await expect(procedures).toHaveAccessibleName('手続き 1件の対応待ち');
    await procedures.click();
    const toVote = memberPage.getByRole('region', { name: '投票のお願い' });
    await expect(toVote.getByTestId('election-item')).toHaveAttribute('data-status', 'open');
    await expectAccessible(memberPage, '手続き with a vote');
    await shell.open('/');
    await homeCard.getByRole('link', { name: /第10回 役員選挙/ }).click();
    await expect(memberPage.getByRole('heading', { level: 1, name: input.title })).toBeVisible();
    await expect(memberPage.getByTestId('election-status')).toHaveAttribute('data-status', 'open');
    await expect(memberPage.getByTestId('election-option')).toHaveCount(3);
    // The photo is kept on the device (the elections' own shelf of the member's files).
    await expect
      .poll(async () => (await readDeviceData(memberPage)).caches.find((c) => c.name === `kumiai-files-${card.memberId}/elections`)?.urls ?? [])
      .toEqual([expect.stringContaining(`/api/files/${photo}`)]);

    // Offline: the page reloads from the device's copy; the statements read; voting says plainly it needs the network.
    await phone.setOffline(true);
    await memberPage.reload();
    await expect(memberPage.getByTestId('election-saved-copy')).toBeVisible();
    // 青木's photo shows from the device, named by its alt text; 馬場 has none.
    const aokiPhoto = memberPage.getByTestId('election-option').filter({ hasText: '青木 一郎' }).getByRole('img', { name: '青木 一郎' });
    await expect(aokiPhoto).toBeVisible();
    await expect.poll(() => aokiPhoto.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBe(120);
    await expect(memberPage.getByTestId('election-option').filter({ hasText: '馬場 花' }).getByRole('img')).toHaveCount(0);
    await memberPage.getByTestId('election-option').filter({ hasText: '青木 一郎' }).getByText('所信表明').click();
    await expect(memberPage.getByText('賃上げと安全な職場のために全力を尽くします。')).toBeVisible();
    await expect(memberPage.getByTestId('secret-ballot')).toContainText('サーバーはあなたの票を読めません');
    await expectAccessible(memberPage, 'election page offline');
    await memberPage.getByTestId('vote-start').click();
    await expect(memberPage.getByTestId('vote-offline')).toContainText('投票はオンラインのときだけできます');
    // Nothing chosen yet: the review is refused in plain words.
    await memberPage.getByTestId('vote-review').click();
    await expect(memberPage.getByTestId('vote-missing')).toBeVisible();
    await choose(memberPage, /青木 一郎/, { no: '反対', blank: '白票(どれも選ばない)' });
    await expectAccessible(memberPage, 'choices');
    await memberPage.getByTestId('vote-review').click();
    await expect(memberPage.getByTestId('vote-review-list')).toContainText('反対');
    await expect(memberPage.getByTestId('vote-review-list')).toContainText('青木 一郎');
    await expect(memberPage.getByTestId('vote-cast')).toBeDisabled();
    await expectAccessible(memberPage, 'review offline');

    // Online again: the ballot is made on the device and cast.
    await phone.setOffline(false);
    await expect(memberPage.getByTestId('vote-cast')).toBeEnabled();
    await memberPage.getByTestId('vote-cast').click();
    const receipt = memberPage.getByTestId('vote-receipt');
    await expect(receipt.getByRole('heading', { name: 'あなたの投票を受け付けました' })).toBeVisible({ timeout: 30_000 });
    const first = (await receipt.getByTestId('ballot-tracker').textContent()) ?? '';
    expect(first).toMatch(/^[A-Za-z0-9+/]{43}$/);
    await expectAccessible(memberPage, 'receipt');

    // Only the tracker is kept: never the credential or the ballot (localStorage, IndexedDB).
    const kit = (await (await memberPage.request.get(`/api/me/elections/${id}/ballot-kit`)).json()) as { credential: string };
    const device = await readDeviceData(memberPage);
    expect(traces(device, [kit.credential, '"election_hash"'])).toEqual([]);
    expect(await memberPage.evaluate((k) => localStorage.getItem(k), `kumiai.electionTrackers.${card.memberId}`)).toContain(first);

    // Again, in English at 200 %: 投票をやり直す, the last ballot replaces the first.
    await shell.setFontScale(200);
    await memberPage.goto(`/elections/${id}`);
    await shell.switchLanguage();
    await expect(memberPage.getByTestId('election-status')).toHaveAttribute('data-status', 'voted_online');
    await expectAccessible(memberPage, 'election page, voted, en 200%');
    await memberPage.getByRole('button', { name: 'Vote again (only your last vote counts)' }).click();
    await choose(memberPage, /Ichiro Aoki/, { no: 'No', blank: 'Blank vote (none of these)' });
    await memberPage.getByTestId('vote-choose').getByLabel('馬場 花').check();
    await expectAccessible(memberPage, 'choices en 200%');
    await memberPage.getByTestId('vote-review').click();
    await expect(memberPage.getByTestId('vote-review-list')).toContainText('馬場 花');
    await expectAccessible(memberPage, 'review en 200%');
    await memberPage.getByTestId('vote-cast').click();
    await expect(memberPage.getByRole('heading', { name: 'Your vote has been received' })).toBeVisible({ timeout: 30_000 });
    await expect(memberPage.getByTestId('vote-replaced')).toBeVisible();
    const last = (await memberPage.getByTestId('ballot-tracker').textContent()) ?? '';
    expect(last).not.toBe(first);
    await expectAccessible(memberPage, 'receipt en 200%');
    await memberPage.getByTestId('receipt-done').click();
    await expect(memberPage.getByRole('button', { name: 'Vote again (only your last vote counts)' })).toBeVisible();

    // The window closes; the commission tallies, the trustees decrypt, the commission publishes.
    await tallyWhenClosed(server, admin, id, Math.max(0, input.closesAt - Date.now()) + 10_000);
    const published = await decryptAndPublish(server, admin, seeds, id);
    expect(published.state).toBe('published');

    // The member finds the result (in English, 200 %) and their last tracker in the public record.
    await memberPage.goto(`/elections/${id}`);
    const result = memberPage.getByTestId('election-result');
    await expect(result).toBeVisible();
    const decisions = result.getByTestId('result-decision');
    await expect(decisions).toHaveCount(3);
    await expect(decisions.nth(0)).toHaveAttribute('data-decision', 'rejected');
    await expect(decisions.nth(1)).toHaveText('Elected: 馬場 花');
    await expect(result.getByTestId('result-quorum')).toHaveText('The quorum was met.');
    await expect(memberPage.getByTestId('tracker-input')).toHaveValue(last);
    await expectAccessible(memberPage, 'result en 200%');
    await memberPage.getByTestId('tracker-check-button').click();
    await expect(memberPage.getByTestId('tracker-check-result')).toHaveAttribute('data-found', 'found', { timeout: 30_000 });
    await expect(memberPage.getByText('Your ballot is in the public record.')).toBeVisible();
    const download = await memberPage.request.get(`/api/me/elections/${id}/archive.bel`);
    expect(download.ok()).toBe(true);
    await expect(memberPage.getByTestId('archive-download')).toHaveAttribute('href', `/api/me/elections/${id}/archive.bel`);

    // The same screens in Japanese at 100 %.
    await shell.switchLanguage();
    await shell.setFontScale(100);
    await memberPage.goto(`/elections/${id}`);
    await expect(memberPage.getByTestId('result-decision').nth(1)).toHaveText('当選: 馬場 花');
    await expectAccessible(memberPage, 'result ja');
    await memberPage.goto('/');
    await expect(memberPage.getByRole('region', { name: '選挙・投票' }).getByTestId('election-item')).toHaveAttribute('data-status', 'published');
    await expectAccessible(memberPage, 'home after publication');
  } finally {
    await phone.close();
    await officerContext.close();
  }
});
