import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { ActivatePage } from '../pages/activate-page.ts';
import { issueCards, phoneContext } from './identity.ts';
import type { RunningServer } from './server.ts';

/** The roster's member in 品川職場 (A2), another workplace than member A's 本社分会 (A1). */
export const MEMBER_C = { employeeNumber: '200003', name: '波～太郎', password: 'another quiet phrase' } as const;

export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

export async function unitIdOf(page: Page, server: RunningServer, code: string): Promise<string> {
  const res = await page.request.get(`${server.url}/api/units`);
  const body = (await res.json()) as { units: { id: string; code: string | null }[] };
  const unit = body.units.find((u) => u.code === code);
  if (!unit) throw new Error(`no unit ${code}`);
  return unit.id;
}

export async function otherMemberOnPhone(browser: Browser, page: Page, server: RunningServer): Promise<{ phone: BrowserContext; memberPage: Page; memberId: string }> {
  const [card] = await issueCards(page.request, server, [MEMBER_C.employeeNumber]);
  if (!card) throw new Error('no card issued');
  const phone = await phoneContext(browser, server);
  const memberPage = await phone.newPage();
  const activate = new ActivatePage(memberPage);
  await activate.openCard(card.url);
  await activate.expectGreeting(MEMBER_C.name, MEMBER_C.employeeNumber);
  await activate.choosePassword(MEMBER_C.password);
  await expect(memberPage.getByTestId('home-member')).toBeVisible();
  return { phone, memberPage, memberId: card.memberId };
}

