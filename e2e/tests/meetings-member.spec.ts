import type { MeetingDetail, ResponsesPage } from '@kumiai/shared';
import type { Page } from '@playwright/test';
import { AppShell } from '../pages/app-shell.ts';
import { seriousViolations, sidewaysOverflow } from '../support/a11y.ts';
import { readDeviceData } from '../support/device-data.ts';
import { expect, test } from '../support/fixtures.ts';
import { WORKPLACE_OFFICER } from '../support/forms.ts';
import { originOf } from '../support/identity.ts';
import { PDF, unitIdOf } from '../support/notices.ts';
import type { RunningServer } from '../support/server.ts';
import { expectUpToDate, MEMBER_A, memberOnPhone, unionWithRoster } from '../support/sync.ts';

/** One h1, no serious or critical axe violation, no sideways scroll at 390 px (and 320 px). */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  expect(await seriousViolations(page), screen).toEqual([]);
  const overflow = () => sidewaysOverflow(page);
  expect(await overflow(), `${screen} scrolls sideways at 390 px`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await overflow(), `${screen} scrolls sideways at 320 px`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 390, height: 844 });
}

async function memberIdOf(page: Page, server: RunningServer, employeeNumber: string): Promise<string> {
  const res = await page.request.get(`${server.url}/api/members?limit=500`);
  const { members } = (await res.json()) as { members: { id: string; employeeNumber: string }[] };
  const member = members.find((m) => m.employeeNumber === employeeNumber);
  if (!member) throw new Error(`no member ${employeeNumber}`);
  return member.id;
}

/** The admin (signed in on `page`) uploads the material and creates a committee of 東京支部 in two days, chaired by 山﨑, proxies admitted. */
async function createCommittee(page: Page, server: RunningServer): Promise<MeetingDetail> {
  const upload = await page.request.post(`${server.url}/api/uploads?name=${encodeURIComponent('議案書.pdf')}`, { headers: { ...originOf(server), 'content-type': 'application/octet-stream' }, data: PDF });
  expect(upload.status(), await upload.text()).toBe(201);
  const { hash, size } = (await upload.json()) as { hash: string; size: number };
  const branch = await unitIdOf(page, server, 'A');
  const startsAt = Date.now() + 2 * 24 * 3600 * 1000;
  const res = await page.request.post(`${server.url}/api/meetings`, {
    headers: originOf(server),
    data: {
      kind: 'committee',
      unitId: branch,
      title: '東京支部委員会',
      startsAt,
      endsAt: startsAt + 2 * 3600 * 1000,
      place: '本社 3階 大会議室',
      onlineUrl: 'https://meet.example.org/tokyo',
      audience: { all: false, units: [branch], roles: [], members: [] },
      chairId: await memberIdOf(page, server, WORKPLACE_OFFICER.employeeNumber),
      quorum: { base: 'invited', threshold: { kind: 'majority' }, proxies: true },
      agenda: [
        { id: 'a1', title: '春闘方針', materials: [{ file: { hash, name: '議案書.pdf', type: 'application/pdf', size } }] },
        { id: 'a2', title: '役員選挙', materials: [] },
      ],
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as MeetingDetail;
}

test('a member reads a meeting’s material offline, answers 欠席 with a proxy to the chair while offline, sees it wait and then reach the union; the QR shows offline; calendar feed', async ({ page, server, browser }) => {
  test.setTimeout(240_000);
  await unionWithRoster(page, server);
  const meeting = await createCommittee(page, server);
  const { phone, memberPage, card } = await memberOnPhone(browser, page, server);
  try {
    const shell = new AppShell(memberPage);
    await shell.waitForServiceWorker();
    await shell.setFontScale(200);
    await memberPage.goto('/');
    await expectUpToDate(shell);

    // The home card names the next meeting; 手続き asks for an answer.
    await expect(memberPage.getByTestId('meetings-card')).toContainText('東京支部委員会');
    await expectAccessible(memberPage, 'home with the meetings card at 200%');
    await memberPage.goto('/forms');
    await expect(memberPage.getByTestId('meetings-to-answer').getByTestId('meeting-item')).toHaveAttribute('data-answer', 'undecided');
    await expectAccessible(memberPage, '手続き with a meeting to answer at 200%');

    // The material is kept on the meetings' shelf.
    const shelf = `kumiai-files-${card.memberId}/meetings`;
    await expect.poll(async () => (await readDeviceData(memberPage)).caches.find((c) => c.name === shelf)?.urls.length ?? 0).toBe(1);

    await memberPage.goto('/me');
    await memberPage.getByTestId('me-link-meetings').click();
    await expect(memberPage.getByTestId('meetings-upcoming').getByTestId('meeting-item')).toHaveCount(1);
    await expectAccessible(memberPage, '/meetings at 200%');

    // Offline: the meeting page, its material, the answer and the QR all work.
    await phone.setOffline(true);
    await expect(shell.syncStatus).toHaveAttribute('data-phase', 'offline');
    await memberPage.getByTestId('meeting-item').click();
    const view = memberPage.getByTestId('meeting-view');
    await expect(view).toContainText('本社 3階 大会議室');
    await expect(view.getByTestId('meeting-kind')).toHaveText('委員会');
    await expect(view.getByTestId('meeting-agenda-item')).toHaveCount(2);
    await expect(view.getByTestId('notice-attachment')).toHaveAttribute('data-cached', 'true');
    await expect(view.getByTestId('notice-attachment-link')).toHaveAttribute('href', /^blob:/);
    await expect(view.getByTestId('meeting-ics')).toHaveAttribute('href', `/api/meetings/${meeting.id}/event.ics`);
    await expect(memberPage.getByTestId('checkin-qr-image')).toHaveAttribute('src', /^data:image\/svg\+xml/);
    await expect(memberPage.getByTestId('checkin-qr')).toHaveAttribute('data-present', 'false');
    await expectAccessible(memberPage, 'meeting page offline at 200%');

    await memberPage.getByTestId('rsvp-answer').getByLabel('欠席').check();
    await memberPage.getByTestId('rsvp-note').fill('出張のため');
    await memberPage.getByTestId('rsvp-proxy-chair').check();
    await memberPage.getByTestId('rsvp-save').click();
    await expect(memberPage.getByTestId('rsvp-status')).toHaveAttribute('data-waiting', 'true');
    await expect(shell.syncStatus).toHaveAttribute('data-pending', '1');
    await expectAccessible(memberPage, 'meeting page with an answer waiting at 200%');

    // Back online: sent, and the officers' responses show it.
    await phone.setOffline(false);
    await expectUpToDate(shell);
    await expect(memberPage.getByTestId('rsvp-status')).toHaveAttribute('data-waiting', 'false');
    const responses = await page.request.get(`${server.url}/api/meetings/${meeting.id}/responses?answer=absent`);
    expect(responses.status()).toBe(200);
    const body = (await responses.json()) as ResponsesPage;
    expect(body.members.map((m) => [m.name, m.answer])).toEqual([[MEMBER_A.name, 'absent']]);
    expect(body.perUnit.reduce((n, u) => n + u.proxies, 0)).toBe(1);
    // The .ics of the meeting is the member's to download.
    const ics = await memberPage.request.get(`${server.url}/api/meetings/${meeting.id}/event.ics`);
    expect(ics.status()).toBe(200);
    expect(await ics.text()).toContain('東京支部委員会');
    // Answered: 手続き no longer asks.
    await memberPage.goto('/forms');
    await expect(memberPage.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(memberPage.getByTestId('meetings-to-answer')).toHaveCount(0);

    // The calendar feed from マイページ: made once, shown with its warning.
    await memberPage.goto('/me');
    await memberPage.getByTestId('me-link-calendar-feed').click();
    await expect(memberPage.getByTestId('calendar-feed-warning')).toBeVisible();
    await expectAccessible(memberPage, '/me/calendar at 200%');
    await memberPage.getByTestId('calendar-feed-create').click();
    const url = (await memberPage.getByTestId('calendar-feed-url').textContent()) ?? '';
    expect(url).toMatch(/\/calendar\/.+\.ics$/);
    // No session needed: the URL is the credential.
    const stranger = await browser.newContext();
    expect(await (await stranger.request.get(url)).text()).toContain('東京支部委員会');
    await stranger.close();
    await expectAccessible(memberPage, '/me/calendar with a URL at 200%');
    await memberPage.getByTestId('calendar-feed-revoke').click();
    await expect(memberPage.getByTestId('calendar-feed-note')).toHaveText('URLを無効にしました。以前のURLはもう使えません。');

    // In English too, the answer now read from the device.
    await shell.switchLanguage();
    await memberPage.goto('/meetings');
    await expect(memberPage.getByTestId('meeting-item')).toHaveAttribute('data-answer', 'absent');
    await expectAccessible(memberPage, '/meetings in English at 200%');
    await memberPage.getByTestId('meeting-item').click();
    await expect(memberPage.getByTestId('rsvp-proxy-chair')).toBeChecked();
    await expect(memberPage.getByTestId('meeting-kind')).toHaveText('Committee');
    await expectAccessible(memberPage, 'meeting page in English at 200%');
  } finally {
    await phone.close();
  }
});
