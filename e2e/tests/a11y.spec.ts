import { AppShell } from '../pages/app-shell.ts';
import { seriousViolations } from '../support/a11y.ts';
import { expect, test } from '../support/fixtures.ts';

const screens = [
  { name: 'home', path: '/' },
  { name: 'settings', path: '/settings' },
  { name: 'setup (ready)', path: 'SETUP' },
  { name: 'setup (refused)', path: '/setup#token=not-a-real-token-at-all' },
];

for (const fontScale of [100, 200]) {
  for (const screen of screens) {
    test(`axe: ${screen.name} at 390 px and ${fontScale}% text has no serious or critical violations`, async ({ page, server }) => {
      const shell = new AppShell(page);
      await shell.setFontScale(fontScale);
      await page.goto(screen.path === 'SETUP' ? server.setupLink! : screen.path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByTestId('setup-checking')).toHaveCount(0);
      expect(await shell.rootFontSize()).toBe(`${fontScale}%`);
      expect(await seriousViolations(page)).toEqual([]);
      // Readable at 200%: nothing forces sideways scrolling on a 390 px phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
}
