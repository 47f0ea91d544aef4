import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { FederationItemInput, LinkPreview, SyncResult, UnionInvite } from '@kumiai/shared';
import type { Db } from '../../src/db/database.ts';
import { seedMember, seedUnits, signIn } from '../seed.ts';
import { startSyncServer, type RawClient, type SyncServer } from '../sync/support.ts';

export const FEDERATION_NAME = '全国テスト産業労働組合連合会';
export const UNION_NAME = 'テスト労働組合';
export const OTHER_UNION_NAME = 'ふたば労働組合';
export const DAY = 24 * 3600 * 1000;

/** The federation's own small office: a root unit and an admin (none of the unions' people). */
export async function seedFederation(db: Db): Promise<void> {
  db.prepare("INSERT INTO units (id, parent_id, name, kind, code, created_at, updated_at) VALUES ('f', NULL, ?, 'union', 'F', 0, 0)").run(FEDERATION_NAME);
  await seedMember(db, { id: 'fadmin', employeeNumber: 'FED-ADMIN-01', unitId: 'f', roles: [['admin', 'f']] });
}

/**
 * A union whose roster is easy to look for: every employee number is `<prefix>-NNNN`, every
 * name `名前<employee number>` (seedMember). An admin, an officer of branch A, members in A and B
 * with two member classes.
 */
export async function seedUnion(db: Db, prefix: string, name = UNION_NAME): Promise<void> {
  seedUnits(db);
  db.prepare("UPDATE units SET name = ? WHERE id = 'u'").run(name);
  await seedMember(db, { id: 'admin', employeeNumber: `${prefix}-0001`, unitId: 'u', roles: [['admin', 'u']] });
  await seedMember(db, { id: 'offA', employeeNumber: `${prefix}-0010`, unitId: 'wA1', roles: [['officer', 'bA']] });
  await seedMember(db, { id: 'memA', employeeNumber: `${prefix}-0100`, unitId: 'wA1' });
  await seedMember(db, { id: 'memA2', employeeNumber: `${prefix}-0101`, unitId: 'wA1' });
  await seedMember(db, { id: 'memB', employeeNumber: `${prefix}-0200`, unitId: 'wB1' });
  db.prepare("UPDATE members SET member_class = 'part_time' WHERE id IN ('memA2', 'memB')").run();
}

export interface Trio {
  federation: SyncServer;
  union: SyncServer;
  other: SyncServer;
  close(): Promise<void>;
}

export const fedUrl = (s: SyncServer) => `http://127.0.0.1:${s.port}`;

/** The union's service token for its link, as its server keeps it (a 0600 file beside its key, never in the database). */
export function serviceToken(union: SyncServer): string {
  const text = fs.readFileSync(path.join(union.config.dataDir, 'federation-link.token'), 'utf8').trim();
  return text.split(/\s+/)[1]!;
}

/** Three real servers on 127.0.0.1, each on its own SQLite file: a federation and two unions. */
export async function startTrio(options: { keepUnionData?: boolean; keepFederationData?: boolean } = {}): Promise<Trio> {
  const federation = await startSyncServer({}, { keepData: options.keepFederationData });
  await seedFederation(federation.db);
  const union = await startSyncServer({}, { keepData: options.keepUnionData });
  await seedUnion(union.db, 'K7Q');
  const other = await startSyncServer();
  await seedUnion(other.db, 'Z3P', OTHER_UNION_NAME);
  const servers = [federation, union, other];
  return {
    federation,
    union,
    other,
    close: async () => {
      for (const s of servers) await s.close().catch(() => undefined);
    },
  };
}

/** An API call as a signed-in member (in-process; the union's server itself calls the federation over HTTP). */
export async function api(server: SyncServer, as: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  const headers = await signIn(server, as);
  return server.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
}

export async function invite(federation: SyncServer, name: string): Promise<UnionInvite> {
  const res = await api(federation, 'FED-ADMIN-01', 'POST', '/api/federation/unions', { name });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<UnionInvite>();
}

/** The union's admin links the union with a token: preview, check the fingerprint, confirm. */
export async function link(t: { federation: SyncServer }, union: SyncServer, adminNumber: string, token: string) {
  const preview = await api(union, adminNumber, 'POST', '/api/federation/link/preview', { url: fedUrl(t.federation), token });
  expect(preview.statusCode, preview.body).toBe(200);
  const { fingerprint } = preview.json<LinkPreview>();
  return api(union, adminNumber, 'POST', '/api/federation/link/confirm', { url: fedUrl(t.federation), token, fingerprint });
}

export async function linkUnion(t: Trio, union: SyncServer = t.union): Promise<void> {
  const name = union === t.union ? UNION_NAME : OTHER_UNION_NAME;
  const adminNumber = union === t.union ? 'K7Q-0001' : 'Z3P-0001';
  const { token } = await invite(t.federation, name);
  const res = await link(t, union, adminNumber, token);
  expect(res.statusCode, res.body).toBe(200);
}

export async function publishItem(federation: SyncServer, input: Partial<FederationItemInput> = {}) {
  const res = await api(federation, 'FED-ADMIN-01', 'POST', '/api/federation/items', { kind: 'notice', title: '春闘方針', body: '本文', ...input });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ id: string; seq: number }>();
}

export async function sync(union: SyncServer, adminNumber = 'K7Q-0001') {
  const res = await api(union, adminNumber, 'POST', '/api/federation/link/sync', {});
  return { res, result: res.statusCode === 200 ? res.json<SyncResult>() : null, code: res.statusCode === 200 ? null : res.json<{ error: { code: string } }>().error.code };
}

export const live = async (client: RawClient) => [...(await client.pullAll('notices')).docs.values()].filter((d) => !d._deleted);
