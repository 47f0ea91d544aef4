import { expect, type Locator, type Page } from '@playwright/test';

/** The header every screen shares, and the display settings. */
export class AppShell {
  readonly syncStatus: Locator;
  readonly languageSwitch: Locator;

  constructor(readonly page: Page) {
    this.syncStatus = page.getByTestId('sync-status');
    this.languageSwitch = page.getByTestId('language-switch');
  }

  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.page.getByTestId('app-name')).toBeVisible();
  }

  /** Resolves once a service worker controls the page (the shell is precached). */
  async waitForServiceWorker(): Promise<void> {
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
      }
    });
  }

  /**
   * Switches to the other language the way a member does: signed out, with the
   * header's button; signed in, on マイページ (reached by its tab), then back to the page they were on.
   */
  async switchLanguage(): Promise<void> {
    const before = await this.language();
    const after = before === 'en' ? 'ja' : 'en';
    if (await this.languageSwitch.isVisible()) {
      await this.languageSwitch.click();
    } else {
      const url = this.page.url();
      await this.page.getByRole('navigation', { name: before === 'en' ? 'Main menu' : 'メインメニュー' }).getByRole('link', { name: before === 'en' ? 'My page' : 'マイページ' }).click();
      await this.languageSwitch.click();
      await expect(this.page.locator('html')).toHaveAttribute('lang', after);
      if (this.page.url() !== url) await this.page.goBack();
      await expect(this.page).toHaveURL(url);
    }
    await expect(this.page.locator('html')).toHaveAttribute('lang', after);
  }

  async language(): Promise<string | null> {
    return this.page.locator('html').getAttribute('lang');
  }

  async setFontScale(percent: number): Promise<void> {
    await this.page.goto('/settings');
    await this.page.getByTestId('font-size-control').getByLabel(`${percent}%`).check();
  }

  async rootFontSize(): Promise<string> {
    return this.page.evaluate(() => document.documentElement.style.fontSize);
  }
}
