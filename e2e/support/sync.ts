import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { ActivatePage } from '../pages/activate-page.ts';
import type { AppShell } from '../pages/app-shell.ts';
import type { RunningServer } from './server.ts';
import { importCsv, issueCards, phoneContext, setupAdmin, SJIS_ROSTER, UNITS_CSV, type Card } from './identity.ts';

/** The roster's first member, as the server's fixture names them. */
export const MEMBER_A = { employeeNumber: '200001', name: '髙橋 誠一', password: 'my own quiet phrase', pin: '4821' } as const;

/** A union with units and the Shift_JIS roster imported; `page`'s context is signed in as the admin. */
export async function unionWithRoster(page: Page, server: RunningServer): Promise<void> {
  await setupAdmin(page.request, server);
  await importCsv(page.request, server, 'units', UNITS_CSV);
  await importCsv(page.request, server, 'members', SJIS_ROSTER);
}

/** Member A activates their card on a phone of their own (and stays signed in there). */
export async function memberOnPhone(browser: Browser, page: Page, server: RunningServer, pin?: string): Promise<{ phone: BrowserContext; memberPage: Page; card: Card }> {
  const [card] = await issueCards(page.request, server, [MEMBER_A.employeeNumber]);
  if (!card) throw new Error('no card issued');
  const phone = await phoneContext(browser, server);
  const memberPage = await phone.newPage();
  const activate = new ActivatePage(memberPage);
  await activate.openCard(card.url);
  await activate.expectGreeting(MEMBER_A.name, MEMBER_A.employeeNumber);
  await activate.choosePassword(MEMBER_A.password, pin);
  await expect(memberPage.getByTestId('home-member')).toBeVisible();
  return { phone, memberPage, card };
}

/** Waits until the header says "up to date" with nothing waiting. */
export async function expectUpToDate(shell: AppShell): Promise<void> {
  await expect(shell.syncStatus).toHaveAttribute('data-phase', 'synced');
  await expect(shell.syncStatus).toHaveAttribute('data-pending', '0');
}
