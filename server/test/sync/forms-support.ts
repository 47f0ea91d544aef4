import { expect } from 'vitest';
import { signIn } from '../seed.ts';
import { audience, type RawClient, type SyncServer } from './support.ts';

/** A form as an officer posts it: a survey for everyone unless told otherwise. */
export function formInput(input: Record<string, unknown> = {}) {
  return {
    kind: 'survey',
    title: '職場アンケート',
    description: '',
    fields: [
      { id: 'q1', type: 'single_choice', label: { ja: '満足度' }, required: true, options: [{ id: 'good', label: { ja: '良い' } }, { id: 'bad', label: { ja: '悪い' } }] },
      { id: 'q2', type: 'long_text', label: { ja: 'ご意見' } },
    ],
    steps: [],
    audience: audience({ all: true }),
    status: 'published',
    opensAt: 0,
    closesAt: null,
    anonymous: false,
    allowEdit: false,
    ...input,
  };
}

export async function createForm(server: SyncServer, as: string, input: Record<string, unknown> = {}) {
  const headers = await signIn(server, as);
  const res = await server.app.inject({ method: 'POST', url: '/api/forms', headers, payload: formInput(input) });
  expect(res.statusCode, res.body).toBe(201);
  return { ...res.json<{ id: string; version: number }>(), headers };
}

/** A submission as a device writes it. */
export function submission(server: SyncServer, doc: { formId: string; memberId: string; kind?: 'survey' | 'application'; id?: string } & Record<string, unknown>) {
  const kind = doc.kind ?? 'survey';
  return {
    id: doc.id ?? (kind === 'survey' ? `${doc.formId}:${doc.memberId}` : `app-${doc.memberId}-${Math.random().toString(36).slice(2, 10)}`),
    formVersion: 1,
    kind,
    memberName: null,
    unitId: null,
    anonymous: false,
    answers: {},
    state: 'submitted',
    step: 0,
    steps: 0,
    history: [],
    submittedAt: null,
    createdAt: server.clock.now(),
    updatedAt: server.clock.now(),
    ...doc,
  };
}

/** Pushes rows; returns the refusals as "id code field" and the conflicting masters. */
export async function write(client: RawClient, docs: Record<string, unknown>[], assumed?: Record<string, unknown>) {
  const rows = docs.map((d) => ({ newDocumentState: d, ...(assumed ? { assumedMasterState: assumed } : {}) }));
  const reply = await client.request('submissions', 'masterWrite', [rows]);
  expect(reply.error).toBeUndefined();
  return { codes: (reply.rejected ?? []).map((r) => [r.id, r.code, r.field ?? ''].join(' ').trim()), conflicts: reply.result as Record<string, unknown>[] };
}

/** An error answer's body (with an invalid form's problems). */
export type ApiErr = { error: { code: string; message: string; problems?: unknown } };
