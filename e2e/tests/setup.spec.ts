import { SetupPage } from '../pages/setup-page.ts';
import { startServer } from '../support/server.ts';
import { expect, test } from '../support/fixtures.ts';

test('the setup link works once, then refuses with a clear message', async ({ page, server }) => {
  expect(server.setupLink).not.toBeNull();
  const setup = new SetupPage(page);
  await setup.open(server.setupLink!);
  // The token leaves the address bar at once.
  await expect.poll(() => page.url()).not.toContain('token=');
  await setup.complete({ union: 'ものづくり労働組合', employeeNumber: '００４２', name: '山田 花子', password: 'a long passphrase' });
  await expect(page.getByTestId('setup-done')).toBeVisible();
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === '__Host-kumiai_session')).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' });

  const again = await page.context().newPage();
  const second = new SetupPage(again);
  await second.open(server.setupLink!);
  await second.expectRefused('used');
  await expect(second.message).toContainText('すでに使われています');
});

test('an expired setup link is refused with a clear message', async ({ page }) => {
  const server = await startServer({ KUMIAI_SETUP_TOKEN_TTL_SECONDS: '1' });
  try {
    await page.waitForTimeout(1_200);
    const setup = new SetupPage(page);
    await setup.open(server.setupLink!);
    await setup.expectRefused('expired');
    await expect(setup.message).toContainText('有効期限');
  } finally {
    await server.stop();
  }
});
