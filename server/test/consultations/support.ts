import { randomUUID } from 'node:crypto';
import type { ConsultationFile } from '@kumiai/shared';
import { expect } from 'vitest';
import { seedMember, seedOrg, signIn } from '../seed.ts';
import type { RawClient, Reply, SyncServer } from '../sync/support.ts';

export type Doc = Record<string, unknown> & { id: string };
export type Headers = { cookie: string; origin: string };

/**
 * The standard cast (seed.ts) and the desks: offW leads workplace A1's desk,
 * offA branch A's, offU and offU2 the union's central 相談窓口.
 */
export async function seedDesks(server: SyncServer): Promise<void> {
  await seedOrg(server);
  await seedMember(server.db, { id: 'offW', employeeNumber: '000012', unitId: 'wA1', roles: [['officer', 'wA1']] });
  await seedMember(server.db, { id: 'offU', employeeNumber: '000002', unitId: 'u', roles: [['officer', 'u']] });
  await seedMember(server.db, { id: 'offU2', employeeNumber: '000003', unitId: 'u', roles: [['officer', 'u']] });
}

export const caseDoc = (over: Partial<Doc> = {}): Doc => {
  const id = (over.id) ?? randomUUID();
  return { id, kind: 'case', caseId: id, text: '残業代が出ません', category: 'overtime', contactAtWork: false, preferredContact: 'app', anonymousToWorkplace: false, updatedAt: 1, ...over };
};
export const messageDoc = (caseId: string, text: string, over: Partial<Doc> = {}): Doc => ({ id: randomUUID(), kind: 'message', caseId, text, updatedAt: 1, ...over });

/** Pushes new documents (no assumed state); returns the reply. */
export const pushNew = (client: RawClient, ...docs: Doc[]): Promise<Reply> =>
  client.request('consultations', 'masterWrite', [docs.map((d) => ({ newDocumentState: d }))]);

export async function pushOk(client: RawClient, ...docs: Doc[]): Promise<void> {
  const reply = await pushNew(client, ...docs);
  expect(reply.error).toBeUndefined();
  expect(reply.rejected ?? []).toEqual([]);
}

export async function live(client: RawClient, since: { seq: number } | null = null) {
  const { docs, checkpoint } = await client.pullAll('consultations', since);
  const all = docs as Map<string, Doc>;
  return { docs: all, checkpoint, ids: [...all.values()].filter((d) => !d._deleted).map((d) => d.id).sort(), removed: [...all.values()].filter((d) => d._deleted).map((d) => d.id).sort() };
}

export async function assign(server: SyncServer, lead: Headers, caseId: string, memberIds: string[]) {
  return server.app.inject({ method: 'PUT', url: `/api/consultations/${caseId}/assignees`, headers: lead, payload: { memberIds } });
}

export async function upload(server: SyncServer, headers: Headers, name: string, body: Buffer): Promise<ConsultationFile> {
  const res = await server.app.inject({ method: 'POST', url: `/api/consultations/files?name=${encodeURIComponent(name)}`, headers: { ...headers, 'content-type': 'application/octet-stream' }, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ConsultationFile>();
}

export { signIn };
