import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANDIDATE_PHOTO_MAX_BYTES, type Attachment, type ElectionDetail, type ElectionInput, type VoterElection } from '@kumiai/shared';
import { request } from '../http-client.ts';
import { call, codeOf, electionInput, electionServer, ok, openElection, QUESTIONS, type Cast } from './election-fixture.ts';

/**
 * Candidate photos (issue 17) through the real server: the commission uploads
 * an image and sets it on a candidate; the file is served to the commission
 * and, once the election is ready, to the members on its roll, and to nobody
 * else (the same 404 as for no file).
 */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
let cast: Cast;

beforeEach(async () => {
  // v1, v2 in wA1 (the electorate), v3 in wB1 (not on the roll).
  cast = await electionServer(3);
});
afterEach(async () => cast.server.close());

async function upload(memberId: string, name: string, body: Buffer): Promise<Attachment> {
  const a = await request(cast.server, `/api/uploads?name=${encodeURIComponent(name)}`, { method: 'POST', headers: cast.as(memberId), raw: { type: 'application/octet-stream', body } });
  if (a.status !== 201) throw new Error(`upload ${a.status} ${a.text}`);
  return a.json<Attachment>();
}

/** The election's questions with this photo on 青木. */
function withPhoto(now: number, photo: string): ElectionInput {
  const questions = QUESTIONS.map((q) => (q.id === 'chair' ? { ...q, options: q.options.map((o) => (o.id === 'aoki' ? { ...o, photo } : o)) } : q));
  return electionInput(now, { questions, electorate: { unitIds: ['wA1'], classes: [] } });
}

const fetchFile = (memberId: string, hash: string) => request(cast.server, `/api/files/${hash}`, { headers: cast.as(memberId) });

describe('candidate photos', () => {
  it('are served to the commission always and to the roll once ready; never to a member off the roll or an admin', async () => {
    const photo = await upload('c1', 'aoki.png', Buffer.concat([PNG, Buffer.from('aoki')]));
    const { id } = await ok<ElectionDetail>(call(cast, 'c1', 'POST', '/api/elections', withPhoto(cast.server.clock.now(), photo.hash)));
    await ok(call(cast, 'c1', 'POST', `/api/elections/${id}/roll/freeze`));
    // A draft: the commission (also c2, who did not upload it) sees it; the roll does not yet.
    expect((await fetchFile('c2', photo.hash)).status).toBe(200);
    expect((await fetchFile('v1', photo.hash)).status).toBe(404);

    const { id: other } = await openElection(cast, withPhoto(cast.server.clock.now(), photo.hash), ['c2'], 1);
    const ready = await fetchFile('v1', photo.hash);
    expect(ready.status).toBe(200);
    expect(ready.headers['content-type']).toBe('image/png');
    expect(String(ready.headers['content-disposition'])).toContain(encodeURIComponent('青木'));
    const mine = await ok<VoterElection[]>(call(cast, 'v1', 'GET', '/api/me/elections'));
    expect(mine.find((e) => e.id === other)?.questions[1]?.options[0]?.photo).toBe(photo.hash);
    for (const outsider of ['v3', 'admin']) expect((await fetchFile(outsider, photo.hash)).status).toBe(404);
  });

  it('must be an image the member saving uploaded, within the size limit; refusals store nothing', async () => {
    const now = cast.server.clock.now();
    const c1Photo = await upload('c1', 'a.png', Buffer.concat([PNG, Buffer.from('a')]));
    const pdf = await upload('c2', 'a.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    const big = await upload('c2', 'big.png', Buffer.concat([PNG, Buffer.alloc(CANDIDATE_PHOTO_MAX_BYTES)]));
    const refused = async (input: ElectionInput) => {
      const a = await call(cast, 'c2', 'POST', '/api/elections', input);
      return [a.status, codeOf(a)];
    };
    expect(await refused(withPhoto(now, c1Photo.hash))).toEqual([400, 'attachment_not_yours']);
    expect(await refused(withPhoto(now, pdf.hash))).toEqual([400, 'unsupported_file_type']);
    expect(await refused(withPhoto(now, big.hash))).toEqual([413, 'payload_too_large']);
    expect(await refused(withPhoto(now, 'f'.repeat(64)))).toEqual([400, 'attachment_not_yours']);
    expect(cast.server.db.prepare('SELECT count(*) FROM elections').pluck().get()).toBe(0);

    // c1 sets her photo; c2 may then edit the election keeping it, but not swap in c1's other upload.
    const { id } = await ok<ElectionDetail>(call(cast, 'c1', 'POST', '/api/elections', withPhoto(now, c1Photo.hash)));
    await ok(call(cast, 'c2', 'PUT', `/api/elections/${id}`, { ...withPhoto(now, c1Photo.hash), title: '改題' }));
    const c1Other = await upload('c1', 'b.png', Buffer.concat([PNG, Buffer.from('b')]));
    const swap = await call(cast, 'c2', 'PUT', `/api/elections/${id}`, withPhoto(now, c1Other.hash));
    expect([swap.status, codeOf(swap)]).toEqual([400, 'attachment_not_yours']);
    expect((await ok<ElectionDetail>(call(cast, 'c1', 'GET', `/api/elections/${id}`))).input.questions[1]?.options[0]?.photo).toBe(c1Photo.hash);
  });
});
