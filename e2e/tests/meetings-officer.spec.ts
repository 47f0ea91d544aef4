import { chromium, type Page } from '@playwright/test';
import type { Attachment } from '@kumiai/shared';
import { AppShell } from '../pages/app-shell.ts';
import { seriousViolations, sidewaysOverflow } from '../support/a11y.ts';
import { fakeCameraArgs } from '../support/fake-camera.ts';
import { expect, test } from '../support/fixtures.ts';
import { grantRole, WORKPLACE_OFFICER } from '../support/forms.ts';
import { originOf } from '../support/identity.ts';
import { answer, memberSignedIn, ownRsvp } from '../support/meetings.ts';
import { MEMBER_C, PDF, unitIdOf } from '../support/notices.ts';
import type { RunningServer } from '../support/server.ts';
import { MEMBER_A, unionWithRoster } from '../support/sync.ts';

/**
 * Issue 19, the officers' side: the workplace officer (役員 of 東京支部) creates a convention
 * for the branch with two agenda items and their materials on their phone; members reply
 * through their devices' sync (one attends, one sends a proxy to the chair); on the day the
 * attending member's QR is read by the camera (Chromium's fake camera showing the code), the
 * quorum turns 成立; after the start the officer records the outcomes and, as the chair,
 * approves the minutes, which land in the library's 議事録.
 */

test.setTimeout(300_000);

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await seriousViolations(page), screen).toEqual([]);
  const overflow = await sidewaysOverflow(page);
  expect(overflow, `${screen} scrolls sideways`).toBeLessThanOrEqual(0);
}

/** The admin files a PDF in the library (資料室 / folder-meetings) for everyone: a material to pick. */
async function libraryDocument(page: Page, server: RunningServer, title: string): Promise<void> {
  const up = await page.request.post(`${server.url}/api/uploads?name=${encodeURIComponent('gian.pdf')}`, { headers: { ...originOf(server), 'content-type': 'application/octet-stream' }, data: PDF });
  expect(up.ok(), await up.text()).toBe(true);
  const file = (await up.json()) as Attachment;
  const res = await page.request.post(`${server.url}/api/documents`, { headers: originOf(server), data: { folderId: 'folder-meetings', title, audience: { all: true, units: [], roles: [], members: [] }, file } });
  expect(res.ok(), await res.text()).toBe(true);
}

/** A start a little ahead, on a whole minute, in the browser's time zone (the form takes a day and times). */
async function startSoon(page: Page, leadSeconds: number): Promise<{ at: number; day: string; from: string; to: string }> {
  return page.evaluate((lead) => {
    const pad = (n: number) => String(n).padStart(2, '0');
    const start = new Date(Math.ceil((Date.now() + lead * 1000) / 60_000) * 60_000);
    const end = new Date(start.getTime() + 3600_000);
    const sameDay = end.getDate() === start.getDate();
    return {
      at: start.getTime(),
      day: `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`,
      from: `${pad(start.getHours())}:${pad(start.getMinutes())}`,
      to: sameDay ? `${pad(end.getHours())}:${pad(end.getMinutes())}` : '23:59',
    };
  }, leadSeconds);
}

test('an officer sets up a convention with materials, checks a member in by camera, sees the quorum met, records the outcomes and files the approved minutes in 議事録', async ({ browser, page, server }) => {
  await unionWithRoster(page, server);
  await grantRole(page, server, WORKPLACE_OFFICER.employeeNumber, 'A', 'officer');
  await libraryDocument(page, server, '第80回大会 議案書');
  const officer = await memberSignedIn(browser, page, server, WORKPLACE_OFFICER);
  const memberA = await memberSignedIn(browser, page, server, MEMBER_A);
  const memberC = await memberSignedIn(browser, page, server, MEMBER_C);
  const op = officer.page;
  try {
    // A member without meeting.manage is told why not.
    await memberA.page.goto('/meetings/manage');
    await expect(memberA.page.getByTestId('meetings-not-officer')).toBeVisible();

    // The officer creates the convention on their phone.
    await op.goto('/meetings/manage');
    await expect(op.getByTestId('meetings-manage')).toBeVisible();
    await op.getByTestId('meeting-new').click();
    const editor = op.getByTestId('meeting-editor');
    await expect(editor).toBeVisible();
    await op.getByTestId('meeting-kind').selectOption('convention');
    await op.getByTestId('meeting-title').fill('第80回定期大会');
    await op.getByTestId('meeting-place').fill('東京支部 大会議室');
    // Saving without an audience: the screen says what is missing.
    await op.getByTestId('meeting-save').click();
    await expect(op.getByTestId('meeting-problem')).toContainText('招集する人');
    await op.locator(`[data-testid="audience-unit"][data-unit-id="${await unitIdOf(page, server, 'A')}"]`).check();
    await op.getByTestId('meeting-chair-search').fill(WORKPLACE_OFFICER.employeeNumber);
    await op.getByTestId('meeting-chair').getByRole('button', { name: new RegExp(WORKPLACE_OFFICER.employeeNumber) }).click();
    await expect(op.getByTestId('meeting-chair-chosen')).toContainText(WORKPLACE_OFFICER.name);
    // The union's rules set the quorum as a fraction: 3分の2以上 (of the 3 invited: 2).
    await op.getByTestId('quorum-kind').getByLabel('割合で決める(規約の定め)').check();
    await op.getByLabel('何分の').fill('3');
    await op.getByLabel('いくつ').fill('2');
    await expect(op.getByTestId('quorum-strict')).toContainText('3分の2');
    await expect(op.getByTestId('quorum-strict').getByLabel('以上')).toBeChecked();
    await expect(op.getByTestId('quorum-proxies')).toBeChecked();
    const items = op.getByTestId('agenda-item');
    await items.nth(0).getByTestId('agenda-item-title').fill('活動報告');
    await items.nth(0).getByTestId('material-document').selectOption({ label: '第80回大会 議案書' });
    await items.nth(0).getByTestId('material-document-add').click();
    await expect(items.nth(0).getByTestId('materials-documents')).toContainText('第80回大会 議案書');
    await op.getByTestId('agenda-add').click();
    await items.nth(1).getByTestId('agenda-item-title').fill('運動方針');
    await items.nth(1).getByTestId('notice-file-input').setInputFiles({ name: '運動方針案.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect(items.nth(1).getByTestId('notice-attached-file')).toContainText('運動方針案.pdf');
    // The day and times last: the start is a couple of minutes ahead, so members can still reply.
    const when = await startSoon(op, 100);
    await op.getByTestId('meeting-day').fill(when.day);
    await op.getByTestId('meeting-start').fill(when.from);
    await op.getByTestId('meeting-end').fill(when.to);
    await op.getByTestId('meeting-save').click();
    await expect(op.getByTestId('meeting-detail')).toBeVisible();
    const meetingId = decodeURIComponent(new URL(op.url()).pathname.split('/').pop()!);
    await expect(op.getByTestId('meeting-agenda')).toContainText('運動方針');
    const detail = (await (await op.request.get(`${server.url}/api/meetings/${meetingId}`)).json()) as {
      input: { kind: string; startsAt: number; agenda: { materials: unknown[] }[]; quorum: { threshold: unknown } | null };
    };
    expect(detail.input.kind).toBe('convention');
    expect(detail.input.quorum?.threshold).toEqual({ kind: 'fraction', numerator: 2, denominator: 3, strict: false });
    expect(detail.input.startsAt).toBe(when.at);
    expect(detail.input.agenda.map((i) => i.materials.length)).toEqual([1, 1]);

    // Members reply from their devices: A attends, C cannot and leaves it to the chair.
    await answer(memberA, meetingId, { answer: 'attend' });
    await answer(memberC, meetingId, { answer: 'absent', proxy: { chair: true } });
    await op.reload();
    const responses = op.getByTestId('meeting-responses');
    await expect(responses.getByTestId('responses-unit')).toHaveCount(2);
    await expect(responses.getByTestId('responses-missing')).toContainText(WORKPLACE_OFFICER.name);
    await expect(responses.getByTestId('responses-missing')).not.toContainText(MEMBER_A.name);
    await op.getByTestId('meeting-remind').click();
    await expect(op.getByTestId('meeting-reminded')).toContainText('1 人');

    // On the day: the officer's phone with a camera that shows member A's QR code.
    const code = (await ownRsvp(memberA, meetingId)).checkinCode;
    expect(code).toMatch(/^KM1\./);
    const camera = fakeCameraArgs(code!);
    const cameraBrowser = await chromium.launch({ executablePath: process.env.KUMIAI_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', ...camera.args] });
    try {
      const door = await cameraBrowser.newContext({ baseURL: server.url, viewport: { width: 390, height: 844 }, locale: 'ja-JP', storageState: await officer.context.storageState() });
      const dp = await door.newPage();
      await dp.goto(`/meetings/manage/${meetingId}/checkin`);
      // Only C's proxy so far: 1 of the 2 needed (3 invited, two thirds or more).
      await expect(dp.getByTestId('quorum-verdict')).toHaveText('不成立');
      await expect(dp.getByTestId('quorum-says')).toContainText('必要 2');
      await dp.getByTestId('qr-toggle').click();
      await expect(dp.getByTestId('qr-last')).toContainText(MEMBER_A.name, { timeout: 20_000 });
      await expect(dp.getByTestId('checkin-sent')).toContainText('新たに出席 1 件');
      await expect(dp.getByTestId('quorum-verdict')).toHaveText('成立');
      await expect(dp.getByTestId('quorum-panel')).toHaveAttribute('data-met', 'true');
      await dp.getByTestId('qr-toggle').click();

      // Offline at the door: a name ticked is kept on the phone, shown as waiting, and sent when back online.
      await door.setOffline(true);
      await dp.getByTestId('checkin-filter').fill(WORKPLACE_OFFICER.name.slice(0, 2));
      await dp.locator(`[data-testid="checkin-invitee"][data-member-id="${officer.memberId}"]`).getByTestId('checkin-tick').click();
      await expect(dp.getByTestId('checkin-waiting')).toHaveAttribute('data-pending', '1');
      await expect(dp.getByTestId('checkin-offline')).toBeVisible();
      await door.setOffline(false);
      await expect(dp.getByTestId('checkin-waiting')).toHaveAttribute('data-pending', '0', { timeout: 20_000 });
      await expect(dp.getByTestId('quorum-says')).toContainText('出席 2 人');
      await door.close();
    } finally {
      await cameraBrowser.close();
    }

    // After the start the secretary records the outcomes (the server refuses them before it).
    await expect(async () => {
      await op.reload();
      await expect(op.getByTestId('meeting-decisions')).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 180_000, intervals: [5000] });
    // Once it has started the meeting can no longer be edited: the page offers no edit, and the server's refusal is said in words.
    await expect(op.getByTestId('meeting-edit')).toHaveCount(0);
    await op.goto(`/meetings/manage/${meetingId}/edit`);
    await op.getByTestId('meeting-save').click();
    await expect(op.getByTestId('meeting-error')).toHaveAttribute('data-code', 'meeting_started');
    await expect(op.getByTestId('meeting-error')).toContainText('会議はすでに始まっている');
    await op.goto(`/meetings/manage/${meetingId}`);
    const decisions = op.getByTestId('decision-item');
    await decisions.nth(0).getByTestId('decision-for').fill('2');
    await decisions.nth(0).getByTestId('decision-save').click();
    await expect(decisions.nth(0).getByTestId('decision-recorded')).toContainText('可決(賛成 2・反対 0・棄権 0)');
    await decisions.nth(1).getByTestId('decision-outcome').getByLabel('継続審議').check();
    await decisions.nth(1).getByTestId('decision-save').click();
    await expect(decisions.nth(1).getByTestId('decision-recorded')).toContainText('継続審議');

    // The minutes: drafted from the agenda and decisions, saved, approved by the chair, filed in 議事録.
    await op.getByTestId('minutes-draft').click();
    await expect(op.getByTestId('minutes-text')).toHaveValue(/1\. 活動報告\n結果:可決/);
    await op.getByTestId('minutes-save').click();
    await expect(op.getByTestId('minutes-saved')).toBeVisible();
    await op.getByTestId('minutes-approve').click();
    await expect(op.getByTestId('minutes-approved')).toBeVisible();
    await op.getByTestId('minutes-document').click();
    await expect(op.getByTestId('document-view')).toBeVisible({ timeout: 20_000 });
    const minutesDocId = await op.getByTestId('document-view').getAttribute('data-document-id');
    await op.goto('/documents');
    await expect(op.locator('[data-testid="documents-folder"][data-folder-id="folder-minutes"]').locator(`[data-document-id="${minutesDocId}"]`)).toBeVisible();

    // Every new screen at 390 px and 200 % text, Japanese and English.
    const shell = new AppShell(op);
    await shell.setFontScale(200);
    for (const lang of ['ja', 'en'] as const) {
      if (lang === 'en') await shell.switchLanguage();
      for (const [name, path, ready] of [
        ['list', '/meetings/manage', 'meetings-list'],
        ['editor', '/meetings/manage/new', 'meeting-editor'],
        ['meeting', `/meetings/manage/${meetingId}`, 'meeting-minutes'],
        ['check-in', `/meetings/manage/${meetingId}/checkin`, 'quorum-verdict'],
      ] as const) {
        await op.goto(path);
        await expect(op.getByTestId(ready)).toBeVisible();
        await expectAccessible(op, `${name} (${lang}, 200%)`);
      }
    }

    // The door list (names) is kept on the officer's phone for offline use, and goes with their other data at sign-out.
    const doorData = () => op.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kumiai.member.')).map((k) => [k, localStorage.getItem(k) ?? ''] as const));
    expect((await doorData()).some(([, v]) => v.includes(MEMBER_A.name))).toBe(true);
    await op.goto('/me');
    await op.getByTestId('sign-out').click();
    await expect(op).toHaveURL(/\/sign-in$/);
    expect(await doorData()).toEqual([]);
  } finally {
    await officer.context.close();
    await memberA.context.close();
    await memberC.context.close();
  }
});
