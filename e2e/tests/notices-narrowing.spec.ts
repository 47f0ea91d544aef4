import { createHash } from 'node:crypto';
import { NoticesPage } from '../pages/notices-page.ts';
import { readDeviceData, traces } from '../support/device-data.ts';
import { expect, test } from '../support/fixtures.ts';
import { originOf } from '../support/identity.ts';
import { otherMemberOnPhone, PDF, unitIdOf } from '../support/notices.ts';
import { unionWithRoster } from '../support/sync.ts';

test('a narrowed audience removes the notice, its text and its cached attachment from the excluded device', async ({ page, server, browser }) => {
  await unionWithRoster(page, server);
  const a1 = await unitIdOf(page, server, 'A1');
  const a2 = await unitIdOf(page, server, 'A2');
  const excluded = await otherMemberOnPhone(browser, page, server); // a member of A2
  try {
    const title = '職場集会のお知らせ';
    const officer = new NoticesPage(page);
    const noticeId = await officer.publish({ title, body: '集会の資料を添付します。', unitIds: [a1, a2], files: [{ name: '集会資料.pdf', mimeType: 'application/pdf', buffer: PDF }] });
    const cacheName = `kumiai-files-${excluded.memberId}`;
    const cachedFiles = async () => (await readDeviceData(excluded.memberPage)).caches.find((c) => c.name === cacheName)?.urls.length ?? 0;

    // While A2 is in the audience, its member's device holds the notice and keeps the PDF.
    const member = new NoticesPage(excluded.memberPage);
    await excluded.memberPage.goto('/');
    await expect(member.item(noticeId)).toBeVisible();
    await expect.poll(cachedFiles).toBe(1);

    // The officer narrows the audience to A1 only.
    const attachment = { hash: createHash('sha256').update(PDF).digest('hex'), name: '集会資料.pdf', type: 'application/pdf', size: PDF.length };
    const narrowed = await page.request.put(`${server.url}/api/notices/${noticeId}`, {
      headers: originOf(server),
      data: { title, body: '集会の資料を添付します。', audience: { all: false, units: [a1], roles: [], members: [] }, attachments: [attachment] },
    });
    expect(narrowed.status()).toBe(200);

    // The excluded device loses it live: out of the feed, its text gone from storage, its file gone from the cache.
    await expect(member.item(noticeId)).toHaveCount(0);
    await expect.poll(cachedFiles).toBe(0);
    await expect.poll(async () => traces(await readDeviceData(excluded.memberPage), [title, '集会の資料'])).toEqual([]);
    // And the server no longer serves it the file.
    expect((await excluded.memberPage.request.get(`${server.url}/api/files/${attachment.hash}`)).status()).toBe(404);
  } finally {
    await excluded.phone.close();
  }
});
