import { afterEach, describe, expect, it } from 'vitest';
import type { Attachment, InboxItem, LinkPreview, LinkState } from '@kumiai/shared';
import { japanesePdf } from '../japanese-pdf.ts';
import { signIn } from '../seed.ts';
import { audience, openAs, type RawClient } from '../sync/support.ts';
import { FEDERATION_NAME, UNION_NAME, api, fedUrl, invite, link, linkUnion, live, publishItem, startTrio, sync, type Trio } from './support.ts';

let trio: Trio;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await trio.close();
});

const auditActions = (t: { db: { prepare(sql: string): { pluck(): { all(): unknown[] } } } }) => t.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'federation.%' ORDER BY seq").pluck().all() as string[];

describe('federation: the link and items downward (issue 20)', () => {
  it('links only after the admin confirmed the federation’s fingerprint, and each side keeps the other’s key', async () => {
    trio = await startTrio();
    const { federation, union } = trio;
    const { token, unionId } = await invite(federation, UNION_NAME);
    // The token is shown once; only its hash is kept.
    expect(JSON.stringify(federation.db.prepare('SELECT * FROM fed_unions').all())).not.toContain(token);

    const preview = await api(union, 'K7Q-0001', 'POST', '/api/federation/link/preview', { url: fedUrl(federation), token });
    expect(preview.json<LinkPreview>()).toMatchObject({ name: FEDERATION_NAME, fingerprint: federation.services.federationKeys.fingerprint() });
    // Previewing stores nothing on either side.
    expect(union.db.prepare('SELECT count(*) FROM link_federation').pluck().get()).toBe(0);
    expect(federation.db.prepare('SELECT status FROM fed_unions WHERE id = ?').pluck().get(unionId)).toBe('invited');

    // A fingerprint other than the federation's key's: refused, nothing linked, the token still unused.
    const wrong = await api(union, 'K7Q-0001', 'POST', '/api/federation/link/confirm', { url: fedUrl(federation), token, fingerprint: '0000:1111:2222:3333' });
    expect(wrong.json()).toMatchObject({ error: { code: 'federation_fingerprint_mismatch' } });
    expect(federation.db.prepare('SELECT status FROM fed_unions WHERE id = ?').pluck().get(unionId)).toBe('invited');
    // Only admins (federation.manage) link.
    expect((await api(union, 'K7Q-0010', 'POST', '/api/federation/link/preview', { url: fedUrl(federation), token })).statusCode).toBe(403);
    // A plain-http federation that is not on this machine is refused.
    expect((await api(union, 'K7Q-0001', 'POST', '/api/federation/link/preview', { url: 'http://federation.example.org', token })).json()).toMatchObject({ error: { code: 'federation_insecure_url' } });

    const linked = await link(trio, union, 'K7Q-0001', token);
    expect(linked.json<LinkState>().link).toMatchObject({ federationName: FEDERATION_NAME, status: 'active', fingerprint: federation.services.federationKeys.fingerprint() });
    const unions = (await api(federation, 'FED-ADMIN-01', 'GET', '/api/federation/unions')).json<{ unions: { id: string; status: string; fingerprint: string }[] }>().unions;
    expect(unions).toEqual([expect.objectContaining({ id: unionId, status: 'active', fingerprint: union.services.federationKeys.fingerprint() })]);
    // A second link is refused.
    expect((await link(trio, union, 'K7Q-0001', token)).json()).toMatchObject({ error: { code: 'federation_already_linked' } });
    expect(auditActions(federation)).toEqual(expect.arrayContaining(['federation.union_invited', 'federation.union_linked']));
    expect(auditActions(union)).toContain('federation.linked');
  });

  it('a federation notice reaches only the members the union’s officer chose, through the union’s sync, marked with its origin; pulled twice, it is stored once', async () => {
    trio = await startTrio();
    const { federation, union } = trio;
    await linkUnion(trio);
    const notice = await publishItem(federation, { title: '統一行動のお知らせ', body: '全国で一斉に行動します' });
    const action = await publishItem(federation, { kind: 'action', title: '11月統一行動', body: '職場集会', actionDate: Date.UTC(2026, 10, 20), demand: '賃上げ', question: '参加しますか' });

    expect((await sync(union)).result).toEqual({ received: 2, released: 0, reportsDelivered: 0 });
    expect((await sync(union)).result).toEqual({ received: 0, released: 0, reportsDelivered: 0 });
    const inbox = (await api(union, 'K7Q-0010', 'GET', '/api/federation/inbox')).json<{ items: InboxItem[] }>().items;
    expect(inbox.map((i) => [i.id, i.kind, i.noticeId])).toEqual(expect.arrayContaining([[notice.id, 'notice', null], [action.id, 'action', null]]));
    // Nothing reaches members until an officer releases it.
    expect(union.db.prepare('SELECT count(*) FROM notices').pluck().get()).toBe(0);

    const memA = await openAs(union, 'memA', clients);
    const memB = await openAs(union, 'memB', clients);
    // An officer of branch A cannot release to branch B; to branch A they can.
    expect((await api(union, 'K7Q-0010', 'POST', `/api/federation/inbox/${notice.id}/release`, { audience: audience({ units: ['bB'] }) })).statusCode).toBe(403);
    const released = await api(union, 'K7Q-0010', 'POST', `/api/federation/inbox/${notice.id}/release`, { audience: audience({ units: ['bA'] }) });
    expect(released.json<InboxItem>().noticeId).toEqual(expect.any(String));
    expect((await api(union, 'K7Q-0010', 'POST', `/api/federation/inbox/${notice.id}/release`, { audience: audience({ units: ['bA'] }) })).statusCode).toBe(409);
    // A plain member may not see the inbox.
    expect((await api(union, 'K7Q-0100', 'GET', '/api/federation/inbox')).statusCode).toBe(403);

    const seenByA = await live(memA);
    expect(seenByA).toEqual([expect.objectContaining({ title: '統一行動のお知らせ', body: '全国で一斉に行動します', origin: FEDERATION_NAME, status: 'published' })]);
    expect(await live(memB)).toEqual([]);

    // The action, released to everyone, carries its day, demand and question.
    await api(union, 'K7Q-0001', 'POST', `/api/federation/inbox/${action.id}/release`, { audience: audience({ all: true }) });
    const seenByB = await live(memB);
    expect(seenByB).toEqual([expect.objectContaining({ title: '11月統一行動', origin: FEDERATION_NAME })]);
    expect(seenByB[0]!.body).toContain('賃上げ');
    expect(seenByB[0]!.body).toContain('参加しますか');
    expect(auditActions(union).filter((a) => a === 'federation.exchange').length).toBeGreaterThanOrEqual(2);
    expect(auditActions(federation).filter((a) => a === 'federation.exchange').length).toBeGreaterThanOrEqual(2);
  });

  it('where the union agreed to the federation’s default audience, an item that names one goes out at once to it', async () => {
    trio = await startTrio();
    const { federation, union } = trio;
    await linkUnion(trio);
    const sharing = await api(union, 'K7Q-0001', 'PUT', '/api/federation/link/sharing', { useDefaultAudience: true, sharedForms: [] });
    expect(sharing.json<LinkState>().link?.useDefaultAudience).toBe(true);
    await publishItem(federation, { title: '役員向け', defaultAudience: 'officers' });
    await publishItem(federation, { title: '選ぶもの' });
    expect((await sync(union)).result).toEqual({ received: 2, released: 1, reportsDelivered: 0 });
    const offA = await openAs(union, 'offA', clients);
    const memA = await openAs(union, 'memA', clients);
    expect((await live(offA)).map((d) => [d.title, d.origin])).toEqual([['役員向け', FEDERATION_NAME]]);
    expect(await live(memA)).toEqual([]);
  });

  it('carries an item’s materials: fetched once by the union, attached to its notice, served to its readers only', async () => {
    trio = await startTrio();
    const { federation, union } = trio;
    await linkUnion(trio);
    const pdf = japanesePdf('統一行動の要求書');
    const upload = await federation.app.inject({ method: 'POST', url: '/api/uploads?name=要求書.pdf', headers: { ...(await signIn(federation, 'FED-ADMIN-01')), 'content-type': 'application/pdf' }, payload: pdf });
    expect(upload.statusCode, upload.body).toBe(201);
    const material = upload.json<Attachment>();
    // Only the author's own uploads may be materials.
    expect((await api(federation, 'FED-ADMIN-01', 'POST', '/api/federation/items', { kind: 'action', title: 'x', body: '', materials: [{ ...material, hash: 'a'.repeat(64) }] })).json()).toMatchObject({ error: { code: 'attachment_not_yours' } });
    const item = await publishItem(federation, { kind: 'action', title: '要求書つき', materials: [material] });

    expect((await sync(union)).result).toMatchObject({ received: 1 });
    expect((await sync(union)).result).toMatchObject({ received: 0 });
    const materialExchanges = () => federation.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'federation.exchange' AND json_extract(detail, '$.kind') = 'material'").pluck().get();
    expect(materialExchanges()).toBe(1);
    await api(union, 'K7Q-0010', 'POST', `/api/federation/inbox/${item.id}/release`, { audience: audience({ units: ['bA'] }) });

    const memA = await openAs(union, 'memA', clients);
    expect((await live(memA))[0]).toMatchObject({ origin: FEDERATION_NAME, attachments: [material] });
    const file = await union.app.inject({ method: 'GET', url: `/api/files/${material.hash}`, headers: await signIn(union, 'K7Q-0100') });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(pdf)).toBe(true);
    expect((await union.app.inject({ method: 'GET', url: `/api/files/${material.hash}`, headers: await signIn(union, 'K7Q-0200') })).statusCode).toBe(404);
  });
});
