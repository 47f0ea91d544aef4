import type { Page } from '@playwright/test';
import { seriousViolations, sidewaysOverflow } from '../support/a11y.ts';
import { electionCommission, openElection, VOTE_QUESTIONS } from '../support/elections.ts';
import { expect, test } from '../support/fixtures.ts';
import { ADMIN, phoneContext } from '../support/identity.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import { WORKPLACE_OFFICER } from '../support/forms.ts';
import { MEMBER_A, memberOnPhone, unionWithRoster } from '../support/sync.ts';

/**
 * Issue 17, a commission member as credential authority: the admin (who holds
 * 選挙管理委員) is named authority in the browser, makes every roll member's
 * credential on her device, sees the letters and sends only the public parts;
 * a member opens her letter's link on her phone and votes with it.
 */
test.setTimeout(240_000);

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await seriousViolations(page), screen).toEqual([]);
  const overflow = await sidewaysOverflow(page);
  expect(overflow, `${screen} scrolls sideways`).toBeLessThanOrEqual(0);
}

test('the credential authority makes the letters on her device, and a member votes with the link of hers', async ({ page, server, browser }) => {
  await unionWithRoster(page, server);
  const { admin, officer, rootId } = await electionCommission(browser, page, server);
  const { memberPage, card } = await memberOnPhone(browser, page, server);
  const opensAt = Date.now();
  const input = { unitId: rootId, title: '鍵の手紙の選挙', description: '', electorate: { unitIds: [rootId], classes: [] }, quorumPercent: 0, opensAt, closesAt: opensAt + 3600_000, questions: VOTE_QUESTIONS };
  let letterKey = '';
  const { id } = await openElection(server, admin, [admin, officer], input, async (id) => {
    await page.goto(`/elections/manage/${id}`);
    const section = page.getByTestId('credential-authority-section');
    await expect(section.getByTestId('ca-trusts')).toContainText('サーバーを操作できる人は');
    await section.getByRole('radio', { name: new RegExp(`${ADMIN.name} \\(${ADMIN.employeeNumber}\\)`) }).check();
    await expect(section.getByTestId('ca-trusts')).toContainText('サーバーは誰の代わりにも投票できません');
    await section.getByTestId('ca-save').click();
    await expect(section.getByTestId('ca-current')).toContainText(ADMIN.name);
    await expect(section.getByTestId('ca-sent')).toContainText('0 件');
    await expectAccessible(page, 'credential authority named');
    await section.getByTestId('ca-make').click();
    const letters = section.getByTestId('credential-letter');
    const { rollSize } = (await (await page.request.get(`/api/elections/${id}`)).json()) as { rollSize: number };
    await expect(letters).toHaveCount(rollSize, { timeout: 60_000 });
    const mine = section.locator(`[data-testid="credential-letter"][data-member="${card.memberId}"]`);
    letterKey = (await mine.getByTestId('credential-letter-key').textContent()) ?? '';
    expect(letterKey).toMatch(/^[1-9A-HJ-NP-Za-km-z]{3}(-[1-9A-HJ-NP-Za-km-z]{3}){4}$/);
    await expect(mine).toContainText(`/elections/${id}/vote#credential=${letterKey}`);
    await expect(mine.getByRole('img', { name: '投票のリンクのQRコード' })).toBeVisible();
    await expectAccessible(page, 'letters');
    await section.getByTestId('ca-send').click();
    await expect(section.getByTestId('ca-sent')).toContainText(`${rollSize} 件`);
  });

  // The member scans her letter's QR with a phone where she is not signed in: she signs in and comes
  // back to the vote with the credential filled in (kept in the page's memory), gone from the address bar.
  // This phone's clock is a day fast: the window is the server's, so voting still shows as open.
  const letterPhone = await phoneContext(browser, server);
  const letterPage = await letterPhone.newPage();
  await letterPage.clock.install({ time: Date.now() + 24 * 3600_000 });
  await letterPage.goto(`/elections/${id}/vote#credential=${letterKey}`);
  await expect(letterPage).toHaveURL(/\/sign-in$/);
  await new SignInPage(letterPage).signIn(MEMBER_A.employeeNumber, MEMBER_A.password);
  await expect(letterPage.getByTestId('secret-ballot')).toContainText('サーバーはこの鍵を知りません');
  expect(new URL(letterPage.url()).pathname).toBe(`/elections/${id}/vote`);
  expect(new URL(letterPage.url()).hash).toBe('');
  await letterPage.getByTestId('vote-start').click();
  await letterPage.getByTestId('election-slot').nth(0).getByLabel('賛成', { exact: true }).check();
  await letterPage.getByTestId('election-slot').nth(1).getByLabel(/青木 一郎/).check();
  await letterPage.getByTestId('election-slot').nth(2).getByLabel('白票(どれも選ばない)').check();
  await letterPage.getByTestId('vote-review').click();
  await expect(letterPage.getByTestId('vote-credential-input')).toHaveValue(letterKey);
  await letterPhone.close();

  // On her own phone, signed in, the link goes straight to the vote.
  await memberPage.goto(`/elections/${id}/vote#credential=${letterKey}`);
  await expect(memberPage.getByTestId('secret-ballot')).toContainText('サーバーはこの鍵を知りません');
  expect(new URL(memberPage.url()).hash).toBe('');
  await memberPage.getByTestId('vote-start').click();
  const slots = memberPage.getByTestId('election-slot');
  await expect(slots).toHaveCount(3);
  await slots.nth(0).getByLabel('賛成', { exact: true }).check();
  await slots.nth(1).getByLabel(/青木 一郎/).check();
  await slots.nth(2).getByLabel('白票(どれも選ばない)').check();
  await memberPage.getByTestId('vote-review').click();
  await expect(memberPage.getByTestId('vote-credential-input')).toHaveValue(letterKey);
  await expectAccessible(memberPage, 'review with the letter credential');
  await memberPage.getByTestId('vote-cast').click();
  await expect(memberPage.getByTestId('vote-receipt').getByRole('heading', { name: 'あなたの投票を受け付けました' })).toBeVisible({ timeout: 30_000 });
  // The kit carried no credential: the server never had it.
  const kit = (await (await memberPage.request.get(`/api/me/elections/${id}/ballot-kit`)).json()) as { credential?: string };
  expect(kit.credential).toBeUndefined();

  // Re-issue, on the authority's device: refused for the member who voted (she keeps hers); for another, one new letter.
  await page.goto(`/elections/manage/${id}`);
  const roll = page.getByTestId('roll-section');
  const reissueFor = async (name: string) => {
    await roll.getByTestId('roll-search').fill(name);
    const entry = roll.getByTestId('roll-entry').filter({ hasText: name });
    await expect(entry).toHaveCount(1);
    await entry.getByTestId('reissue-credential').click();
    await expect(entry.getByTestId('reissue-confirm')).toContainText('本人であることを確かめてください');
    await entry.getByTestId('reissue-confirm-button').click();
    return entry;
  };
  const voted = await reissueFor(MEMBER_A.name);
  await expect(voted.getByRole('alert')).toContainText('すでに電子投票しているため');
  await expectAccessible(page, 're-issue refused');
  const other = await reissueFor(WORKPLACE_OFFICER.name);
  await expect(other.getByTestId('credential-letter-key')).toHaveText(/^[1-9A-HJ-NP-Za-km-z]{3}(-[1-9A-HJ-NP-Za-km-z]{3}){4}$/, { timeout: 30_000 });
  await expect(other.getByRole('status')).toContainText('再発行しました');
  await expectAccessible(page, 're-issued letter');
});
