import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Browser, BrowserContext } from '@playwright/test';
import { record } from './recorder.ts';
import { REPO_ROOT, type RunningServer } from './server.ts';

export const ADMIN = { union: 'ものづくり労働組合', employeeNumber: '0001', name: '山田 花子', password: 'a long admin passphrase' } as const;

/** The Shift_JIS roster the server's own tests use: 3 members in A1 / 本社分会 / A2. */
export const SJIS_ROSTER = path.join(REPO_ROOT, 'server/test/fixtures/roster/members-sjis.csv');
/** The units that roster names: 東京支部 (A) with 本社分会 (A1) and 品川職場 (A2). */
export const UNITS_CSV = path.join(import.meta.dirname, '../fixtures/units.csv');

/** State changes need the Origin header a browser would send (CSRF defence). */
export function originOf(server: RunningServer): Record<string, string> {
  return { origin: server.url };
}

/**
 * Completes first-run setup through the API; the request context (and its browser context) is then signed in as the admin.
 * `unionName` names another organisation (a second server: the federation of federation.spec).
 */
export async function setupAdmin(request: APIRequestContext, server: RunningServer, unionName: string = ADMIN.union): Promise<void> {
  if (!server.setupLink) throw new Error('The server printed no setup link');
  const token = new URL(server.setupLink).hash.replace(/^#token=/, '');
  const res = await request.post(`${server.url}/api/setup`, {
    headers: originOf(server),
    data: { token, unionName, employeeNumber: ADMIN.employeeNumber, name: ADMIN.name, password: ADMIN.password },
  });
  if (!res.ok()) throw new Error(`setup failed: ${res.status()} ${await res.text()}`);
}

/** Imports a CSV through the API (units or members), failing loudly on any problem. */
export async function importCsv(request: APIRequestContext, server: RunningServer, kind: 'units' | 'members', file: string): Promise<void> {
  const res = await request.post(`${server.url}/api/${kind}/import?mode=apply`, {
    headers: { ...originOf(server), 'content-type': 'text/csv' },
    data: fs.readFileSync(file),
  });
  if (!res.ok()) throw new Error(`${kind} import failed: ${res.status()} ${await res.text()}`);
}

export interface Card {
  memberId: string;
  employeeNumber: string;
  name: string;
  code: string;
  url: string;
}

/** Issues login cards through the API for members found by employee number. */
export async function issueCards(request: APIRequestContext, server: RunningServer, employeeNumbers: string[]): Promise<Card[]> {
  const list = await request.get(`${server.url}/api/members?limit=500`);
  const { members } = (await list.json()) as { members: { id: string; employeeNumber: string }[] };
  const ids = employeeNumbers.map((n) => {
    const found = members.find((m) => m.employeeNumber === n);
    if (!found) throw new Error(`no member ${n}`);
    return found.id;
  });
  const res = await request.post(`${server.url}/api/members/activation-codes`, { headers: originOf(server), data: { memberIds: ids } });
  if (!res.ok()) throw new Error(`issuing cards failed: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { cards: Card[] }).cards;
}

/** A fresh browser context the size of a phone, as a member would have. */
export async function phoneContext(browser: Browser, server: RunningServer): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 390, height: 844 }, locale: 'ja-JP', hasTouch: true, isMobile: true });
  record(context, 'phone');
  return context;
}
