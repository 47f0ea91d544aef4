import type { Page } from '@playwright/test';
import { AppShell } from '../pages/app-shell.ts';
import { FormsPage } from '../pages/forms-page.ts';
import { seriousViolations } from '../support/a11y.ts';
import { expect, test } from '../support/fixtures.ts';
import { createSurvey, personOnDevice, WORKPLACE_OFFICER } from '../support/forms.ts';
import { readDeviceData, traces } from '../support/device-data.ts';
import { expectUpToDate, MEMBER_A, memberOnPhone, unionWithRoster } from '../support/sync.ts';

async function expectAccessible(page: Page, screen: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  expect(await seriousViolations(page), screen).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${screen} scrolls sideways`).toBeLessThanOrEqual(0);
}

/** The officer builds a named survey in the builder: one choice, one scale, one free-text question, for the whole union. */
async function buildSurvey(page: Page): Promise<string> {
  await page.goto('/forms/manage');
  await page.getByTestId('form-new-survey').click();
  await expect(page.getByTestId('form-builder')).toBeVisible();
  await page.getByTestId('form-title-input').fill('職場環境アンケート');
  await page.getByTestId('audience-all').check();
  const closes = new Date(Date.now() + 7 * 24 * 3600_000);
  const local = new Date(closes.getTime() - closes.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await page.getByTestId('form-closes-at').fill(local);

  await page.getByTestId('builder-add-type').selectOption('single_choice');
  await page.getByTestId('builder-add-field').click();
  await page.getByTestId('field-label-ja-0').fill('36協定の見直しに賛成ですか');
  await page.getByTestId('field-required-0').check();
  await page.getByTestId('field-option-ja-0-0').fill('賛成');
  await page.getByTestId('field-option-ja-0-1').fill('反対');

  await page.getByTestId('builder-add-type').selectOption('scale');
  await page.getByTestId('builder-add-field').click();
  await page.getByTestId('field-label-ja-1').fill('職場の満足度');

  await page.getByTestId('builder-add-type').selectOption('long_text');
  await page.getByTestId('builder-add-field').click();
  await page.getByTestId('field-label-ja-2').fill('ご意見');
  await expectAccessible(page, '/forms/new at 390 px and 200%');

  await page.getByTestId('form-save').click();
  await expect(page).toHaveURL(/\/forms\/manage$/);
  const row = page.locator('[data-testid^="managed-form-"]', { hasText: '職場環境アンケート' });
  await expect(row).toHaveCount(1);
  const testId = (await row.getAttribute('data-testid')) ?? '';
  return testId.replace('managed-form-', '');
}

async function answer(page: Page, formId: string, choice: 'o1' | 'o2', scale: number, opinion: string): Promise<void> {
  const forms = new FormsPage(page);
  const shell = new AppShell(page);
  await page.goto('/');
  await forms.openList();
  await expect(forms.item(formId)).toBeVisible();
  await forms.openForm(formId);
  // The member is told exactly what officers will see.
  await expect(page.getByTestId('survey-privacy')).toHaveAttribute('data-anonymous', 'false');
  await forms.option('q1', choice).click();
  await forms.option('q2', String(scale)).click();
  await forms.input('q3').fill(opinion);
  await forms.submit.click();
  await expect(forms.confirmation).toBeVisible();
  await expectUpToDate(shell);
}

test('an officer builds a survey; two members answer; the chart shows their answers and the CSV keeps the Japanese text', async ({ page, server, browser }) => {
  test.setTimeout(120_000);
  await unionWithRoster(page, server);
  await page.setViewportSize({ width: 390, height: 844 });
  await new AppShell(page).setFontScale(200);
  const formId = await buildSurvey(page);

  const { phone, memberPage } = await memberOnPhone(browser, page, server);
  const other = await personOnDevice(browser, page, server, WORKPLACE_OFFICER);
  try {
    await new AppShell(memberPage).setFontScale(200);
    await answer(memberPage, formId, 'o1', 4, '休憩室を＝広くしてほしい');
    await expectAccessible(memberPage, '/forms/:id answered at 200%');
    await answer(other.personPage, formId, 'o1', 5, '=HYPERLINK("http://example.com","安全")');

    // The officer's results: 2 of the union's members answered; the bars are the answers.
    await page.goto(`/forms/${formId}/results`);
    const results = page.getByTestId('form-results');
    await expect(results).toBeVisible();
    await expect(page.getByTestId('form-results-total')).toContainText('2');
    await expect(page.getByTestId('result-bar-q1-o1')).toContainText('2');
    await expect(page.getByTestId('result-bar-q1-o2')).toContainText('0');
    await expect(page.getByTestId('result-bar-q2-4')).toContainText('1');
    await expect(page.getByTestId('result-bar-q2-5')).toContainText('1');
    await expect(page.getByTestId('result-mean-q2')).toContainText('4.5');
    await expect(page.getByTestId('result-texts-q3')).toContainText('休憩室を＝広くしてほしい');
    await expectAccessible(page, '/forms/:id/results at 390 px and 200%');
    // The two who have not answered (the officer and the member on leave) can be reminded.
    await page.getByTestId('form-results-remind').click();
    await expect(page.getByTestId('form-results-reminded')).toHaveAttribute('data-members', '2');

    // The CSV the link downloads: UTF-8 with a BOM, the Japanese intact, the formula made inert.
    const href = await page.getByTestId('form-results-csv').getAttribute('href');
    expect(href).toBe(`/api/forms/${formId}/export.csv`);
    const csv = await page.request.get(href!);
    expect(csv.ok()).toBe(true);
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toContain('36協定の見直しに賛成ですか');
    expect(text).toContain(MEMBER_A.name);
    expect(text).toContain(WORKPLACE_OFFICER.name);
    expect(text).toContain('休憩室を＝広くしてほしい');
    expect(text).toContain('賛成');
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(text).toContain("'=HYPERLINK");
  } finally {
    await phone.close();
    await other.context.close();
  }
});

test('a survey answered offline after it closed is refused with the reason in plain words; the member discards it', async ({ page, server, browser }) => {
  await unionWithRoster(page, server);
  const formId = await createSurvey(page, server, { title: '夏季休暇の希望調査', anonymous: false, fields: [{ id: 'q1', type: 'yes_no', label: { ja: '連休を希望しますか' }, required: true }] });
  const { phone, memberPage } = await memberOnPhone(browser, page, server);
  try {
    const shell = new AppShell(memberPage);
    await shell.setFontScale(200);
    await memberPage.goto('/');
    await shell.waitForServiceWorker();
    await expectUpToDate(shell);
    const forms = new FormsPage(memberPage);
    await forms.openList();
    await expect(forms.item(formId)).toBeVisible();

    // Answered with no signal; meanwhile the officer closes the survey early.
    await phone.setOffline(true);
    await forms.openForm(formId);
    await forms.option('q1', 'yes').click();
    await forms.submit.click();
    await expect(forms.confirmation).toHaveAttribute('data-waiting', 'true');
    await page.goto('/forms/manage');
    await page.getByTestId(`form-archive-${formId}`).click();
    await page.getByTestId('form-archive-confirm-confirm').click();
    await expect(page.getByTestId(`managed-form-${formId}`)).toHaveAttribute('data-status', 'archived');

    // Back online: the server refuses it; the member sees why, on the survey, and nothing waits any more.
    await phone.setOffline(false);
    await expectUpToDate(shell);
    const refusal = memberPage.getByTestId('submission-rejection');
    await expect(refusal).toHaveCount(1);
    await expect(refusal).toHaveAttribute('data-code', 'form_closed');
    await expect(refusal).toContainText('締め切りを過ぎていた');
    // Sending it again would be refused again: only discarding is offered.
    await expect(refusal.getByTestId('rejection-fix')).toHaveCount(0);
    await expectAccessible(memberPage, '/forms/:id with a refused answer at 200%');
    await refusal.getByTestId('rejection-discard').click();
    await expect(memberPage.getByTestId('submission-rejections')).toHaveCount(0);
  } finally {
    await phone.close();
  }
});

test('an anonymous answer: the member is told what officers see; after it is sent the device keeps only "answered"; results wait for 5 answers', async ({ page, server, browser }) => {
  await unionWithRoster(page, server);
  const formId = await createSurvey(page, server, { title: '職場のハラスメント実態調査', anonymous: true, fields: [{ id: 'q1', type: 'long_text', label: { ja: '困っていることを書いてください' }, required: true }] });
  const { phone, memberPage } = await memberOnPhone(browser, page, server);
  try {
    const shell = new AppShell(memberPage);
    await shell.setFontScale(200);
    await memberPage.goto('/');
    await expectUpToDate(shell);
    const forms = new FormsPage(memberPage);
    await forms.openList();
    await forms.openForm(formId);
    const privacy = memberPage.getByTestId('survey-privacy');
    await expect(privacy).toHaveAttribute('data-anonymous', 'true');
    await expect(privacy).toContainText('5');
    await expectAccessible(memberPage, '/forms/:id anonymous at 200%');

    const secret = '上司からの暴言が続いています';
    await forms.input('q1').fill(secret);
    await forms.submit.click();
    await expect(forms.confirmation).toBeVisible();
    await expectUpToDate(shell);
    // Opened again, the survey says it was answered, and shows nothing of the answer.
    await memberPage.reload();
    await expect(memberPage.getByTestId('survey-answered')).toBeVisible();
    await expect(memberPage.getByTestId('form-page')).not.toContainText(secret);
    // The server sent back only the "has answered" mark: the text is nowhere on the device any more.
    await expect.poll(async () => traces(await readDeviceData(memberPage), [secret])).toEqual([]);

    // One answer is too few to show anything of an anonymous survey.
    await page.goto(`/forms/${formId}/results`);
    await expect(page.getByTestId('form-results-withheld')).toBeVisible();
    await expect(page.getByTestId('form-results')).not.toContainText(secret);
    const csv = await page.request.get(`${server.url}/api/forms/${formId}/export.csv`);
    expect(csv.status()).toBe(403);
  } finally {
    await phone.close();
  }
});
