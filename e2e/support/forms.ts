import { deflateSync } from 'node:zlib';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { ActivatePage } from '../pages/activate-page.ts';
import { issueCards, originOf, phoneContext } from './identity.ts';
import { unitIdOf } from './notices.ts';
import type { RunningServer } from './server.ts';

/** The roster's second member, in 本社分会 (A1) like member A: made the workplace's officer. */
export const WORKPLACE_OFFICER = { employeeNumber: '200002', name: '山﨑 ①子', password: 'workplace officer phrase' } as const;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real PNG photo-sized image (a colour gradient), as a phone camera might give: larger than the app keeps. */
export function photoPng(width = 2400, height = 1800): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const at = row + 1 + x * 3;
      raw[at] = (x * 255) / width;
      raw[at + 1] = (y * 255) / height;
      raw[at + 2] = 128;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** The width and height in a JPEG's first start-of-frame marker. */
export function jpegSize(bytes: Buffer): { width: number; height: number } | null {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    const length = bytes.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xc3) return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  return null;
}

/** Grants a role through the API (the page is signed in as the admin). */
export async function grantRole(page: Page, server: RunningServer, employeeNumber: string, unitCode: string, role: string): Promise<void> {
  const list = await page.request.get(`${server.url}/api/members?limit=500`);
  const { members } = (await list.json()) as { members: { id: string; employeeNumber: string }[] };
  const member = members.find((m) => m.employeeNumber === employeeNumber);
  if (!member) throw new Error(`no member ${employeeNumber}`);
  const unitId = await unitIdOf(page, server, unitCode);
  const res = await page.request.post(`${server.url}/api/roles`, { headers: originOf(server), data: { memberId: member.id, unitId, role } });
  if (!res.ok()) throw new Error(`granting ${role} failed: ${res.status()} ${await res.text()}`);
}

/** An open survey for the whole union, created through the API by the admin (`page`); closes in an hour. Returns its id. */
export async function createSurvey(page: Page, server: RunningServer, survey: { title: string; anonymous: boolean; fields: unknown[] }): Promise<string> {
  const res = await page.request.post(`${server.url}/api/forms`, {
    headers: originOf(server),
    data: {
      kind: 'survey',
      description: '',
      steps: [],
      audience: { all: true, units: [], roles: [], members: [] },
      status: 'published',
      opensAt: Date.now() - 60_000,
      closesAt: Date.now() + 3600_000,
      allowEdit: false,
      ...survey,
    },
  });
  if (res.status() !== 201) throw new Error(`creating the survey failed: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** A roster member activates their card on a device of their own and stays signed in there. */
export async function personOnDevice(
  browser: Browser,
  page: Page,
  server: RunningServer,
  person: { employeeNumber: string; name: string; password: string },
): Promise<{ context: BrowserContext; personPage: Page; memberId: string }> {
  const [card] = await issueCards(page.request, server, [person.employeeNumber]);
  if (!card) throw new Error('no card issued');
  const context = await phoneContext(browser, server);
  const personPage = await context.newPage();
  const activate = new ActivatePage(personPage);
  await activate.openCard(card.url);
  await activate.expectGreeting(person.name, person.employeeNumber);
  await activate.choosePassword(person.password);
  await expect(personPage.getByTestId('home-member')).toBeVisible();
  return { context, personPage, memberId: card.memberId };
}
