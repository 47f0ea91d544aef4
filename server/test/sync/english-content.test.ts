import { afterEach, describe, expect, it } from 'vitest';
import { japanesePdf } from '../japanese-pdf.ts';
import { seedOrg, signIn } from '../seed.ts';
import { formInput } from './forms-support.ts';
import { audience, openAs, startSyncServer, type RawClient, type SyncServer } from './support.ts';

/**
 * Issue 14, part 5: a notice, a form, a documents folder and a document carry
 * optional English beside the Japanese (migration 20261126-0015). Stored,
 * served through sync (null when there is none), refused past the Japanese
 * limits, and the built-in templates and folders ship with English.
 */
let server: SyncServer;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.close();
});

const clientFor = (memberId: string) => openAs(server, memberId, clients);
const live = async (client: RawClient, collection: string) => new Map([...(await client.pullAll(collection)).docs].filter(([, d]) => !d._deleted));

async function start() {
  server = await startSyncServer();
  await seedOrg(server);
  return signIn(server, '000001');
}

describe('content in both languages', () => {
  it('a notice with English reaches the member with titleEn and bodyEn; one without has null; an edit can drop the English', async () => {
    const admin = await start();
    const post = (payload: Record<string, unknown>) => server.app.inject({ method: 'POST', url: '/api/notices', headers: admin, payload: { body: '本文', audience: audience({ all: true }), ...payload } });
    const both = await post({ title: '定期大会', body: '金曜日に集会があります。', titleEn: ' Annual convention ', bodyEn: 'There is a meeting on Friday.' });
    expect(both.statusCode, both.body).toBe(201);
    const only = await post({ title: '職場集会', titleEn: '   ' });
    expect(only.statusCode).toBe(201);
    const bothId = both.json<{ id: string }>().id;
    const onlyId = only.json<{ id: string }>().id;

    const member = await clientFor('memA');
    const seen = await live(member, 'notices');
    expect(seen.get(bothId)).toMatchObject({ title: '定期大会', body: '金曜日に集会があります。', titleEn: 'Annual convention', bodyEn: 'There is a meeting on Friday.' });
    // Blank English is no English.
    expect(seen.get(onlyId)).toMatchObject({ title: '職場集会', titleEn: null, bodyEn: null });

    const { checkpoint } = await member.pullAll('notices');
    const edited = await server.app.inject({ method: 'PUT', url: `/api/notices/${bothId}`, headers: admin, payload: { title: '定期大会(改)', body: '本文', audience: audience({ all: true }) } });
    expect(edited.statusCode).toBe(200);
    expect((await member.pullAll('notices', checkpoint)).docs.get(bothId)).toMatchObject({ title: '定期大会(改)', titleEn: null, bodyEn: null });
  });

  it('English past the Japanese limits is refused with a coded error and nothing is stored', async () => {
    const admin = await start();
    const before = server.db.prepare('SELECT count(*) FROM notices').pluck().get();
    const long = await server.app.inject({ method: 'POST', url: '/api/notices', headers: admin, payload: { title: '題', body: '本文', titleEn: 'x'.repeat(201), audience: audience({ all: true }) } });
    expect(long.statusCode).toBe(400);
    expect(long.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
    expect(server.db.prepare('SELECT count(*) FROM notices').pluck().get()).toBe(before);

    const form = await server.app.inject({ method: 'POST', url: '/api/forms', headers: admin, payload: formInput({ descriptionEn: 'x'.repeat(4001) }) });
    expect(form.statusCode).toBe(400);
    expect(form.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
    const folder = await server.app.inject({ method: 'POST', url: '/api/folders', headers: admin, payload: { name: '規約集', nameEn: 'x'.repeat(101) } });
    expect(folder.statusCode).toBe(400);
    expect(server.db.prepare("SELECT count(*) FROM documents WHERE title = '規約集'").pluck().get()).toBe(0);
  });

  it('a form, a folder and a document carry their English to the member; the built-in templates and folders ship in English', async () => {
    const admin = await start();
    const form = await server.app.inject({ method: 'POST', url: '/api/forms', headers: admin, payload: formInput({ title: '職場アンケート', titleEn: 'Workplace survey', description: '率直に', descriptionEn: 'Be frank' }) });
    expect(form.statusCode, form.body).toBe(201);
    const formId = form.json<{ id: string }>().id;
    const folder = await server.app.inject({ method: 'POST', url: '/api/folders', headers: admin, payload: { name: '規約集', nameEn: 'Rule books' } });
    expect(folder.statusCode, folder.body).toBe(201);
    const folderId = folder.json<{ id: string }>().id;
    const up = await server.app.inject({ method: 'POST', url: `/api/uploads?name=${encodeURIComponent('規約.pdf')}`, headers: { ...admin, 'content-type': 'application/octet-stream' }, payload: japanesePdf('規約') });
    expect(up.statusCode).toBe(201);
    const doc = await server.app.inject({
      method: 'POST',
      url: '/api/documents',
      headers: admin,
      payload: { folderId, title: '組合規約', titleEn: 'Union bylaws', description: '2026年版', descriptionEn: '2026 edition', audience: audience({ all: true }), file: up.json<Record<string, unknown>>() },
    });
    expect(doc.statusCode, doc.body).toBe(201);
    const docId = doc.json<{ id: string }>().id;

    const member = await clientFor('memA');
    const forms = await live(member, 'forms');
    expect(forms.get(formId)).toMatchObject({ title: '職場アンケート', titleEn: 'Workplace survey', description: '率直に', descriptionEn: 'Be frank' });
    expect(forms.get('tpl-marriage')).toMatchObject({ title: '結婚祝金', titleEn: 'Marriage gift' });
    expect(forms.get('tpl-birth')?.titleEn).toBe('Birth gift');
    expect(forms.get('tpl-bereavement')?.titleEn).toBe('Condolence payment');
    const documents = await live(member, 'documents');
    expect(documents.get(folderId)).toMatchObject({ kind: 'folder', title: '規約集', titleEn: 'Rule books' });
    expect(documents.get(docId)).toMatchObject({ title: '組合規約', titleEn: 'Union bylaws', description: '2026年版', descriptionEn: '2026 edition' });
    expect(['folder-bylaws', 'folder-minutes', 'folder-reports', 'folder-meetings'].map((id) => documents.get(id)?.titleEn)).toEqual(['Bylaws', 'Minutes', 'Activity reports', 'Meeting papers']);
  });

  it('a member taken out of the audience gets a tombstone without the English', async () => {
    const admin = await start();
    const res = await server.app.inject({ method: 'POST', url: '/api/notices', headers: admin, payload: { title: '秘', body: '本文', titleEn: 'Secret plan', bodyEn: 'Secret body', audience: audience({ units: ['bA'] }) } });
    const id = res.json<{ id: string }>().id;
    const member = await clientFor('memA');
    const { checkpoint } = await member.pullAll('notices');
    await server.app.inject({ method: 'PUT', url: `/api/notices/${id}`, headers: admin, payload: { title: '秘', body: '本文', titleEn: 'Secret plan', bodyEn: 'Secret body', audience: audience({ units: ['bB'] }) } });
    const gone = (await member.pullAll('notices', checkpoint)).docs.get(id);
    expect(gone).toMatchObject({ _deleted: true });
    expect(JSON.stringify(gone)).not.toContain('Secret');
  });

  it('search finds a notice by its English words, as one hit, and forgets them when the English is removed', async () => {
    const admin = await start();
    const res = await server.app.inject({ method: 'POST', url: '/api/notices', headers: admin, payload: { title: '賃上げ交渉', body: '本文です', titleEn: 'Wage talks', bodyEn: 'Bargaining starts Monday', audience: audience({ all: true }) } });
    const id = res.json<{ id: string }>().id;
    const member = await signIn(server, '000100');
    const search = async (q: string) => (await server.app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}`, headers: member })).json<{ hits: { id: string; title: string }[] }>().hits;
    expect(await search('bargaining')).toEqual([expect.objectContaining({ id, title: 'Wage talks' })]);
    expect((await search('賃上げ交渉')).map((h) => [h.id, h.title])).toEqual([[id, '賃上げ交渉']]);
    await server.app.inject({ method: 'PUT', url: `/api/notices/${id}`, headers: admin, payload: { title: '賃上げ交渉', body: '本文です', audience: audience({ all: true }) } });
    expect(await search('bargaining')).toEqual([]);
  });
});
