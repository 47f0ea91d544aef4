import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FigureReport, LinkState, MemberUnion } from '@kumiai/shared';
import { makeEnvelope } from '../../src/features/federation/federation-envelope.ts';
import { RawClient, startSyncServer, type SyncServer } from '../sync/support.ts';
import { OTHER_UNION_NAME, UNION_NAME, api, invite, link, linkUnion, publishItem, serviceToken, startTrio, sync, type Trio } from './support.ts';

let trio: Trio;
let impostor: SyncServer | undefined;
let restarted: SyncServer | undefined;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await impostor?.close();
  impostor = undefined;
  await restarted?.close();
  restarted = undefined;
  await trio.close();
});

const linkId = (s: SyncServer) => s.db.prepare("SELECT id FROM link_federation WHERE status <> 'revoked'").pluck().get() as string;

const refusedCodes = (s: SyncServer) =>
  (s.db.prepare("SELECT json_extract(detail, '$.code') FROM audit_log WHERE action = 'federation.exchange_refused' ORDER BY seq").pluck().all() as string[]);

/** A report document as a union would push it: the envelope signed by `signer` (its sign function). */
function reportDoc(link: string, seq: number, at: number, signer: (message: string) => { message: string; signature: string }, members = 3) {
  const report: FigureReport = { reportId: randomUUID(), union: UNION_NAME, at, figures: { membership: [{ memberClass: 'regular', unitKind: 'workplace', count: members }], surveys: [], actions: [] } };
  return { id: report.reportId, ...signer(JSON.stringify(makeEnvelope(link, seq, at, 'report', { report }))), updatedAt: at };
}

/** Pushes one row to federation_reports as the peer connected by `client`; the refusal's code, or null when taken. */
async function push(client: RawClient, doc: Record<string, unknown>) {
  const reply = await client.request('federation_reports', 'masterWrite', [[{ newDocumentState: doc }]]);
  expect(reply.error).toBeUndefined();
  return reply.rejected?.[0]?.code ?? null;
}

describe('federation: refused exchanges over the sync protocol (issue 20)', () => {
  it('refuses a forged, an altered, a replayed and another union’s report with their codes, and audits each refusal', async () => {
    trio = await startTrio();
    const { federation, union, other } = trio;
    await linkUnion(trio);
    await linkUnion(trio, other);
    const id = linkId(union);
    const now = federation.clock.now();
    const peer = await RawClient.open(federation.url, { token: serviceToken(union) });
    clients.push(peer);
    const genuineSigner = (m: string) => union.services.federationKeys.sign(m);

    // Forged: the right link, signed by a key that is not the union's.
    const stranger = generateKeyPairSync('ed25519').privateKey;
    expect(await push(peer, reportDoc(id, 100, now, (m) => ({ message: m, signature: sign(null, Buffer.from(m), stranger).toString('base64url') })))).toBe('federation_signature_invalid');
    // Altered after signing: another count in the same signed text.
    const genuine = reportDoc(id, 101, now, genuineSigner);
    expect(await push(peer, { ...genuine, message: genuine.message.replace('"count":3', '"count":300') })).toBe('federation_signature_invalid');
    // Another union's report, claiming this union's link: signed with the other union's own key.
    expect(await push(peer, reportDoc(id, 102, now, (m) => other.services.federationKeys.sign(m)))).toBe('federation_signature_invalid');

    // The genuine report is taken; sent again (its answer lost) it is the same document, taken once.
    expect(await push(peer, genuine)).toBeNull();
    expect(await push(peer, genuine)).toBeNull();
    expect(federation.db.prepare('SELECT count(*) FROM fed_reports').pluck().get()).toBe(1);
    // A new report under a sequence already taken, or an older one, is a replay.
    expect(await push(peer, reportDoc(id, 101, now, genuineSigner))).toBe('federation_replayed');
    expect(await push(peer, reportDoc(id, 50, now, genuineSigner))).toBe('federation_replayed');
    // A report held back and sent an hour later.
    const late = reportDoc(id, 200, now, genuineSigner);
    federation.clock.advance(3600_000);
    expect(await push(peer, late)).toBe('federation_replayed');

    expect(refusedCodes(federation)).toEqual(['federation_signature_invalid', 'federation_signature_invalid', 'federation_signature_invalid', 'federation_replayed', 'federation_replayed', 'federation_replayed']);
    // The refused reports changed nothing: one report, the genuine one's sequence.
    expect(federation.db.prepare('SELECT count(*) FROM fed_reports').pluck().get()).toBe(1);
    expect(federation.db.prepare('SELECT last_seq FROM fed_unions WHERE id = ?').pluck().get(id)).toBe(101);
    // A file no item lists is not served, even with a good token.
    const res = await fetch(`http://127.0.0.1:${federation.port}/api/federation/materials/${'b'.repeat(64)}`, { headers: { authorization: `Bearer ${serviceToken(union)}` } });
    expect(res.status).toBe(404);
  });

  it('the union refuses answers not signed by the federation it confirmed (another server at its address), storing nothing', async () => {
    trio = await startTrio({ keepFederationData: true });
    const { federation, union } = trio;
    await linkUnion(trio);
    await publishItem(federation, { title: '本物' });
    expect((await sync(union)).result).toMatchObject({ received: 1 });
    const checkpoint = union.db.prepare('SELECT peer_checkpoint FROM link_federation').pluck().get();
    expect(checkpoint).toEqual(expect.stringContaining('"seq"'));
    // The same address and database, but another key: an impostor, or a server restored without its key.
    const { dataDir } = federation.config;
    await federation.close();
    fs.rmSync(path.join(dataDir, 'federation.key'));
    impostor = await startSyncServer({}, { dataDir, port: federation.port });
    impostor.clock.advance(union.clock.now() - impostor.clock.now());
    await publishItem(impostor, { title: '偽物' });
    expect((await sync(union)).code).toBe('federation_signature_invalid');
    expect(union.db.prepare('SELECT title FROM link_inbox').pluck().all()).toEqual(['本物']);
    expect(union.db.prepare('SELECT peer_checkpoint FROM link_federation').pluck().get()).toBe(checkpoint);
    expect(union.db.prepare("SELECT json_extract(detail, '$.code') FROM audit_log WHERE action = 'federation.exchange_refused'").pluck().all()).toEqual(['federation_signature_invalid']);
  });

  it('refuses a revoked token, a token made for another union and a used token with their codes', async () => {
    trio = await startTrio();
    const { federation, union, other } = trio;
    const revoked = await invite(federation, UNION_NAME);
    expect((await api(federation, 'FED-ADMIN-01', 'POST', `/api/federation/unions/${revoked.unionId}/revoke`, {})).json<MemberUnion>().status).toBe('revoked');
    expect((await link(trio, union, 'K7Q-0001', revoked.token)).json()).toMatchObject({ error: { code: 'federation_token_revoked' } });

    const forOther = await invite(federation, OTHER_UNION_NAME);
    expect((await link(trio, union, 'K7Q-0001', forOther.token)).json()).toMatchObject({ error: { code: 'federation_token_other_union' } });
    expect(union.db.prepare('SELECT count(*) FROM link_federation').pluck().get()).toBe(0);
    // The rightful union still links with it, once.
    expect((await link(trio, other, 'Z3P-0001', forOther.token)).statusCode).toBe(200);
    expect((await link(trio, union, 'K7Q-0001', forOther.token)).json()).toMatchObject({ error: { code: 'federation_token_invalid' } });
    expect((await link(trio, union, 'K7Q-0001', 'kfx_not-a-token-at-all')).json()).toMatchObject({ error: { code: 'federation_token_invalid' } });
    expect(refusedCodes(federation)).toEqual(['federation_token_revoked', 'federation_token_other_union', 'federation_token_invalid', 'federation_token_invalid']);
  });
});

describe('federation: pause and revoke (issue 20)', () => {
  it('a pause from either side stops both directions until that side resumes; a revoke from either side ends the link', async () => {
    trio = await startTrio();
    const { federation, union, other } = trio;
    await linkUnion(trio);
    await linkUnion(trio, other);
    const unionId = linkId(union);
    await publishItem(federation, { title: '一通目' });
    expect((await sync(union)).result).toMatchObject({ received: 1 });

    // The federation pauses: the union's pull and its report are refused, and the union records it.
    await api(federation, 'FED-ADMIN-01', 'POST', `/api/federation/unions/${unionId}/pause`, {});
    await publishItem(federation, { title: '停止中の二通目' });
    await api(union, 'K7Q-0001', 'POST', '/api/federation/report/send', {});
    expect((await sync(union)).code).toBe('federation_link_paused');
    expect((await api(union, 'K7Q-0001', 'GET', '/api/federation/link')).json<LinkState>().link).toMatchObject({ status: 'paused', pausedBy: 'federation' });
    expect(union.db.prepare('SELECT count(*) FROM link_inbox').pluck().get()).toBe(1);
    expect(federation.db.prepare('SELECT count(*) FROM fed_reports').pluck().get()).toBe(0);
    // The union cannot lift the federation's pause.
    expect((await api(union, 'K7Q-0001', 'POST', '/api/federation/link/resume', {})).json()).toMatchObject({ error: { code: 'federation_link_paused' } });

    // Resumed by the federation: the next sync brings the item and delivers the queued report.
    await api(federation, 'FED-ADMIN-01', 'POST', `/api/federation/unions/${unionId}/resume`, {});
    expect((await sync(union)).result).toEqual({ received: 1, released: 0, reportsDelivered: 1 });
    expect((await api(union, 'K7Q-0001', 'GET', '/api/federation/link')).json<LinkState>().link?.status).toBe('active');

    // The union pauses: the federation is told, the union asks nothing, and only the union resumes.
    expect((await api(union, 'K7Q-0001', 'POST', '/api/federation/link/pause', {})).json<LinkState>().link).toMatchObject({ status: 'paused', pausedBy: 'union' });
    expect(federation.db.prepare('SELECT status, paused_by FROM fed_unions WHERE id = ?').get(unionId)).toEqual({ status: 'paused', paused_by: 'union' });
    await publishItem(federation, { title: '三通目' });
    expect((await sync(union)).code).toBe('federation_link_paused');
    expect(union.db.prepare('SELECT count(*) FROM link_inbox').pluck().get()).toBe(2);
    expect((await api(federation, 'FED-ADMIN-01', 'POST', `/api/federation/unions/${unionId}/resume`, {})).json()).toMatchObject({ error: { code: 'federation_link_paused' } });
    expect((await api(union, 'K7Q-0001', 'POST', '/api/federation/link/resume', {})).json<LinkState>().link?.status).toBe('active');
    expect((await sync(union)).result).toMatchObject({ received: 1 });

    // The federation revokes this union: refused for good, the union records it.
    await api(federation, 'FED-ADMIN-01', 'POST', `/api/federation/unions/${unionId}/revoke`, {});
    await publishItem(federation, { title: '解除後' });
    expect((await sync(union)).code).toBe('federation_link_revoked');
    expect((await api(union, 'K7Q-0001', 'GET', '/api/federation/link')).json<LinkState>().link?.status).toBe('revoked');
    expect((await sync(union)).code).toBe('federation_not_linked');
    expect(union.db.prepare('SELECT count(*) FROM link_inbox').pluck().get()).toBe(3);

    // The other union revokes from its side: the federation marks it, and neither direction carries anything.
    const otherId = linkId(other);
    const otherToken = serviceToken(other);
    expect((await api(other, 'Z3P-0001', 'POST', '/api/federation/link/revoke', {})).json<LinkState>().link?.status).toBe('revoked');
    expect(federation.db.prepare('SELECT status FROM fed_unions WHERE id = ?').pluck().get(otherId)).toBe('revoked');
    expect((await sync(other, 'Z3P-0001')).code).toBe('federation_not_linked');
    // Its service token, kept by someone, is refused with the reason; so is a file asked with it.
    await expect(RawClient.open(federation.url, { token: otherToken })).rejects.toThrow('auth failed: federation_link_revoked');
    const material = await fetch(`http://127.0.0.1:${federation.port}/api/federation/materials/${'c'.repeat(64)}`, { headers: { authorization: `Bearer ${otherToken}` } });
    expect(((await material.json()) as { error: { code: string } }).error.code).toBe('federation_link_revoked');

    const unionAudit = union.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'federation.%'").pluck().all() as string[];
    expect(unionAudit).toEqual(expect.arrayContaining(['federation.link_paused', 'federation.link_resumed', 'federation.exchange_refused', 'federation.exchange']));
    const fedAudit = federation.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'federation.%'").pluck().all() as string[];
    expect(fedAudit).toEqual(expect.arrayContaining(['federation.union_paused', 'federation.union_resumed', 'federation.union_revoked', 'federation.exchange_refused']));
  });

  it('a revoke the federation could not be told at the time is told when it can be: then the federation shows it too', async () => {
    trio = await startTrio({ keepFederationData: true });
    const { federation, union } = trio;
    await linkUnion(trio);
    const id = linkId(union);
    const tokenFile = path.join(union.config.dataDir, 'federation-link.token');
    const { dataDir } = federation.config;
    const port = federation.port;
    await federation.close();

    // Revoked while the federation is down: it holds here at once, and waits to be told.
    expect((await api(union, 'K7Q-0001', 'POST', '/api/federation/link/revoke', {})).json<LinkState>().link?.status).toBe('revoked');
    const untold = () => union.db.prepare('SELECT untold FROM link_federation WHERE id = ?').pluck().get(id);
    expect(untold()).toBe(1);
    await union.services.federationLink.syncIfLinked(); // still down: nothing changes, no error escapes
    expect(untold()).toBe(1);
    expect(fs.existsSync(tokenFile)).toBe(true);

    // The federation is back on the same data: the next hourly run tells it.
    restarted = await startSyncServer({}, { dataDir, port });
    expect(restarted.db.prepare('SELECT status FROM fed_unions WHERE id = ?').pluck().get(id)).toBe('active');
    await union.services.federationLink.syncIfLinked();
    expect(restarted.db.prepare('SELECT status FROM fed_unions WHERE id = ?').pluck().get(id)).toBe('revoked');
    expect(untold()).toBe(0);
    expect(fs.existsSync(tokenFile)).toBe(false);
    expect(await union.services.federationLink.tellUntold()).toBe(false);
  });
});
