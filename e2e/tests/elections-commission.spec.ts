import fs from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { plaintextFor, type ElectionDetail, type BallotKit } from '@kumiai/shared';
import { createBallot, loadElection } from '@kumiai/shared/elections/crypto/index';
import { AppShell } from '../pages/app-shell.ts';
import { seriousViolations, sidewaysOverflow } from '../support/a11y.ts';
import { expect, test } from '../support/fixtures.ts';
import { personOnDevice, photoPng, WORKPLACE_OFFICER } from '../support/forms.ts';
import { originOf } from '../support/identity.ts';
import type { RunningServer } from '../support/server.ts';
import { MEMBER_A, unionWithRoster } from '../support/sync.ts';

/**
 * Issue 17, the commission's side: two commission members in their own
 * browsers set up a yes/no strike vote, freeze the roll, become its trustees
 * (2 of 2) and make their key shares on their own devices (each downloading
 * the backup); members vote through the API, one on paper; after the window the
 * paper totals go in, both decrypt in their browsers and the commission publishes.
 */

test.setTimeout(240_000);

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await seriousViolations(page), screen).toEqual([]);
  const overflow = await sidewaysOverflow(page);
  expect(overflow, `${screen} scrolls sideways`).toBeLessThanOrEqual(0);
}

async function grantCommission(page: Page, server: RunningServer, employeeNumber: string): Promise<void> {
  const { members } = (await (await page.request.get(`${server.url}/api/members?limit=500`)).json()) as { members: { id: string; employeeNumber: string }[] };
  const { units } = (await (await page.request.get(`${server.url}/api/units`)).json()) as { units: { id: string; parentId: string | null }[] };
  const root = units.find((u) => u.parentId === null);
  const member = members.find((m) => m.employeeNumber === employeeNumber);
  const res = await page.request.post(`${server.url}/api/roles`, { headers: originOf(server), data: { memberId: member!.id, unitId: root!.id, role: 'election_commissioner' } });
  expect(res.ok(), await res.text()).toBe(true);
}

/** A member's ballot, encrypted in the test process with their credential (server mode), and cast. */
async function vote(request: APIRequestContext, server: RunningServer, detail: ElectionDetail, answer: 'yes' | 'no'): Promise<void> {
  const kitRes = await request.get(`${server.url}/api/me/elections/${detail.id}/ballot-kit`);
  expect(kitRes.ok(), await kitRes.text()).toBe(true);
  const kit = (await kitRes.json()) as BallotKit;
  // Server mode: the kit carries the credential.
  const ballot = createBallot(loadElection(kit.election), kit.credential!, plaintextFor(detail.input.questions, [{ picked: [answer] }]));
  const res = await request.post(`${server.url}/api/me/elections/${detail.id}/ballots`, { headers: originOf(server), data: { ballot } });
  expect(res.ok(), await res.text()).toBe(true);
}

/** Asks the server again (the page's refresh button) until the trustee's page shows `step`. */
async function waitStep(page: Page, step: string): Promise<void> {
  await expect(async () => {
    await page.getByTestId('trustee-refresh').click();
    await expect(page.getByTestId('trustee-page')).toHaveAttribute('data-step', step, { timeout: 2000 });
  }).toPass({ timeout: 90_000 });
}

/** Waits for the server to ask for `step`, runs it on this device, and waits until it was accepted (the page moves on). */
async function trusteeDoes(page: Page, step: string): Promise<void> {
  await waitStep(page, step);
  await page.getByTestId('trustee-run').click();
  await expect(page.getByTestId('trustee-page')).not.toHaveAttribute('data-step', step, { timeout: 60_000 });
  await expect(page.getByTestId('error-message')).toHaveCount(0);
}

async function detailOf(page: Page, server: RunningServer, id: string): Promise<ElectionDetail> {
  return (await (await page.request.get(`${server.url}/api/elections/${id}`)).json()) as ElectionDetail;
}

test('two commission members run a strike vote from set-up to publication, each making and using their key share in their own browser', async ({ browser, page, server }) => {
  await unionWithRoster(page, server);
  await grantCommission(page, server, MEMBER_A.employeeNumber);
  await grantCommission(page, server, WORKPLACE_OFFICER.employeeNumber);
  const a = await personOnDevice(browser, page, server, MEMBER_A);
  const b = await personOnDevice(browser, page, server, WORKPLACE_OFFICER);
  const pa = a.personPage;
  const pb = b.personPage;
  try {
    // The admin holds no election role: the screen says why they cannot.
    await page.goto('/elections/manage');
    await expect(page.getByTestId('elections-not-commission')).toBeVisible();

    // A creates a yes/no strike vote.
    await pa.goto('/elections/manage');
    await expect(pa.getByTestId('elections-manage')).toBeVisible();
    await pa.getByTestId('election-new').click();
    await pa.getByTestId('election-title').fill('スト権確立投票');
    await pa.getByTestId('question-0-title').fill('スト権を確立しますか');
    await pa.getByTestId('question-0-threshold').getByLabel('3分の2以上').check();
    await expect(pa.getByTestId('question-0').getByTestId('rule-text')).toContainText('3分の2以上');
    await pa.getByTestId('election-save').click();
    await expect(pa.getByTestId('election-detail')).toHaveAttribute('data-state', 'draft');
    const id = /\/elections\/manage\/([^/]+)$/.exec(pa.url())![1]!;

    // The roll is frozen with its date; everyone in the union is on it.
    await pa.getByTestId('roll-freeze').click();
    await expect(pa.getByTestId('roll-frozen')).toBeVisible();
    await expect(pa.getByTestId('roll-entry')).toHaveCount((await detailOf(pa, server, id)).rollSize);

    // Both commission members are trustees, 2 of 2.
    const picker = pa.getByTestId('trustee-picker');
    await picker.getByLabel(new RegExp(MEMBER_A.employeeNumber)).check();
    await picker.getByLabel(new RegExp(WORKPLACE_OFFICER.employeeNumber)).check();
    await pa.getByTestId('trustee-threshold').fill('2');
    await pa.getByTestId('trustees-save').click();
    await expect(pa.getByTestId('trustee-progress-row')).toHaveCount(2);

    // Each makes their key share in their own browser and downloads the backup before it is sent.
    for (const p of [pa, pb]) {
      await p.goto(`/elections/${id}/trustee`);
      await expect(p.getByTestId('trustee-page')).toHaveAttribute('data-step', 'cert');
      await p.getByTestId('trustee-run').click();
      const download = p.waitForEvent('download');
      await p.getByTestId('trustee-download-backup').click();
      const text = fs.readFileSync(await (await download).path(), 'utf8');
      expect(text).toMatch(/^seed: \S+$/m);
      expect(text).toContain('秘密の種');
      expect(text).toContain('secret seed');
    }
    await trusteeDoes(pa, 'polynomial');
    await trusteeDoes(pb, 'polynomial');
    await trusteeDoes(pa, 'voutput');
    await trusteeDoes(pb, 'voutput');
    await waitStep(pa, 'wait');
    await waitStep(pb, 'wait');
    // The seed never reached the server.
    const kept = await pa.evaluate((key): string | null => {
      const raw = localStorage.getItem(key);
      return raw ? (JSON.parse(raw) as { seed: string }).seed : null;
    }, `kumiai.electionTrustee.${id}.${a.memberId}`);
    expect(kept).toBeTruthy();
    expect(server.output()).not.toContain(kept!);
    expect((await detailOf(pa, server, id)).keysReady).toBe(true);

    // A short window on the server's clock, then open.
    const draft = await detailOf(pa, server, id);
    const closesAt = Date.now() + 25_000;
    const put = await pa.request.put(`${server.url}/api/elections/${id}`, { headers: originOf(server), data: { ...draft.input, opensAt: Date.now() - 60_000, closesAt } });
    expect(put.ok(), await put.text()).toBe(true);
    await pa.goto(`/elections/manage/${id}`);
    await pa.getByTestId('election-open').click();
    await expect(pa.getByTestId('election-detail')).toHaveAttribute('data-state', 'ready');

    // Three members vote through the API: two yes, one no.
    const opened = await detailOf(pa, server, id);
    await vote(pa.request, server, opened, 'yes');
    await vote(pb.request, server, opened, 'yes');
    await vote(page.request, server, opened, 'no');
    // A member on leave voted on paper: found by employee number and marked.
    const paper = pa.getByTestId('paper-section');
    await paper.getByTestId('paper-search').fill('200003');
    await paper.getByRole('button', { name: '社員番号で探す' }).click();
    await paper.getByRole('button', { name: /200003/ }).click();
    await expect(paper.getByRole('status')).toContainText('紙で投票済み');
    await pa.getByTestId('turnout-refresh').click();
    await expect(pa.getByTestId('turnout-summary')).toContainText('オンライン 3 人・紙 1 人');

    // After the window: the tally, both decrypt in their browsers, the commission publishes.
    await pa.waitForTimeout(Math.max(0, closesAt - Date.now() + 500));
    await pa.reload();
    // The paper totals per answer (blank, yes, no): one yes.
    await pa.locator('#paper-0-1').fill('1');
    await pa.getByRole('button', { name: '紙の集計を保存する' }).click();
    await expect.poll(async () => (await detailOf(pa, server, id)).paperTotals).toEqual([[0, 1, 0]]);
    await pa.getByTestId('election-tally').click();
    await expect(pa.getByTestId('election-detail')).toHaveAttribute('data-state', 'tallying');
    for (const p of [pa, pb]) {
      await p.goto(`/elections/${id}/trustee`);
      await trusteeDoes(p, 'decrypt');
      await waitStep(p, 'done');
    }
    await pa.goto(`/elections/manage/${id}`);
    await expect(pa.getByTestId('election-detail')).toHaveAttribute('data-state', 'tallied');
    await expect(pa.getByTestId('outcome-count-yes')).toHaveText('3');
    await expect(pa.getByTestId('outcome-count-no')).toHaveText('1');
    // Three of the four valid votes (two thirds needed): approved.
    await expect(pa.getByTestId('outcome-decision')).toHaveText('可決・信任');
    await pa.getByTestId('election-publish').click();
    await expect(pa.getByTestId('election-detail')).toHaveAttribute('data-state', 'published');
    const archive = await pa.request.get(`${server.url}${(await pa.getByTestId('election-archive').getAttribute('href'))!}`);
    expect(archive.ok()).toBe(true);
    expect((await archive.body()).length).toBeGreaterThan(1000);

    // Every new screen, ja and en, at 390 px and 200 % text.
    const shell = new AppShell(pa);
    await shell.setFontScale(200);
    for (const lang of ['ja', 'en'] as const) {
      if (lang === 'en') await shell.switchLanguage();
      for (const [name, path, ready] of [
        ['list', '/elections/manage', 'elections-list'],
        ['editor', '/elections/manage/new', 'election-editor'],
        ['election', `/elections/manage/${id}`, 'election-outcome'],
        ['trustee', `/elections/${id}/trustee`, 'trustee-done'],
      ] as const) {
        await pa.goto(path);
        await expect(pa.getByTestId(ready)).toBeVisible();
        await expectAccessible(pa, `${name} (${lang}, 200%)`);
        if (lang === 'ja') {
          // The narrowest phone: still no sideways scrolling.
          await pa.setViewportSize({ width: 320, height: 700 });
          expect(await sidewaysOverflow(pa), `${name} at 320 px`).toBeLessThanOrEqual(0);
          await pa.setViewportSize({ width: 390, height: 844 });
        }
      }
    }
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

test('a commission member sets a candidate’s photo in the editor: made smaller on the device, shown with the name as its alt text, saved; a PDF is refused', async ({ page, server, browser }) => {
  await unionWithRoster(page, server);
  await grantCommission(page, server, MEMBER_A.employeeNumber);
  const a = await personOnDevice(browser, page, server, MEMBER_A);
  const pa = a.personPage;
  try {
    await pa.goto('/elections/manage/new');
    await expect(pa.getByTestId('election-editor')).toBeVisible();
    await pa.getByTestId('election-title').fill('役員選挙');
    await pa.getByTestId('question-0-title').fill('スト権を確立しますか');
    await pa.getByRole('button', { name: '役員選挙を加える' }).click();
    await pa.getByTestId('question-1-title').fill('執行委員長');
    await pa.getByTestId('question-1-option-0').fill('青木 一郎');
    const field = pa.getByTestId('question-1-photo-0');
    // A phone-sized photo (2400 × 1800) is redrawn at 1600 px before it is sent.
    await pa.getByTestId('question-1-photo-0-input').setInputFiles({ name: 'aoki.png', mimeType: 'image/png', buffer: photoPng() });
    const photo = field.getByRole('img', { name: '青木 一郎' });
    await expect(photo).toBeVisible();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBe(1600);
    await expectAccessible(pa, 'editor with a candidate photo');
    await pa.getByTestId('question-1-photo-0-input').setInputFiles({ name: 'a.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await expect(field.getByRole('alert')).toContainText('この写真は使えません');
    await expect(photo).toBeVisible();
    await pa.getByTestId('election-save').click();
    await expect(pa.getByTestId('election-detail')).toHaveAttribute('data-state', 'draft');
    const id = /\/elections\/manage\/([^/]+)$/.exec(pa.url())![1]!;
    const saved = (await detailOf(pa, server, id)).input.questions[1]!.options[0]!;
    expect(saved.photo).toMatch(/^[0-9a-f]{64}$/);
    expect((await pa.request.get(`${server.url}/api/files/${saved.photo}`)).headers()['content-type']).toBe('image/jpeg');
  } finally {
    await a.context.close();
  }
});
