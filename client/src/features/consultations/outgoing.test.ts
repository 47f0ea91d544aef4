import type { ConsultationDoc, ConsultationFile } from '@kumiai/shared';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { newCaseDoc, newEntryDoc } from './cases.ts';
import { enqueue, sendOutgoing, withoutFiles, type OutgoingData, type OutgoingStore } from './outgoing.ts';

function memoryStore(): OutgoingStore {
  let value: OutgoingData = { items: [] };
  return {
    get value() {
      return value;
    },
    async modify(fn) {
      value = fn(value);
    },
  };
}

const photo = { hash: 'a'.repeat(64), name: 'photo.jpg', type: 'image/jpeg' as const, size: 3 };
const pdf = { hash: 'b'.repeat(64), name: '記録.pdf', type: 'application/pdf' as const, size: 4 };
const caseDoc = newCaseDoc({ category: 'overtime', text: '残業代が出ない', attachments: [], contactAtWork: false, preferredContact: 'app', contactNote: '', anonymousToWorkplace: false }, 'case-0001', 1);
const stored = (hash: string): ConsultationFile => ({ id: `file_${hash.slice(0, 20)}`, name: hash === photo.hash ? photo.name : pdf.name, type: hash === photo.hash ? 'image/jpeg' : 'application/pdf', size: 3 });

function deps(options: { failUpload?: (name: string) => Error | null } = {}) {
  const outbox = new Map([
    [photo.hash, new Blob(['abc'])],
    [pdf.hash, new Blob(['%PDF'])],
  ]);
  const uploads: string[] = [];
  const written: ConsultationDoc[] = [];
  return {
    outbox,
    uploads,
    written,
    deps: {
      file: async (hash: string) => outbox.get(hash) ?? null,
      dropFile: async (hash: string) => void outbox.delete(hash),
      upload: async (_blob: Blob, name: string) => {
        const failure = options.failUpload?.(name);
        if (failure) throw failure;
        uploads.push(name);
        return stored(name === photo.name ? photo.hash : pdf.hash);
      },
      write: async (doc: ConsultationDoc) => void written.push(doc),
    },
  };
}

describe('a case with files waits on the device until they are uploaded', () => {
  it('a reply with a file waits the same way and is written with the file’s id, after the case it answers', async () => {
    const store = memoryStore();
    await enqueue(store, caseDoc, [photo], 2);
    const reply = newEntryDoc('message', caseDoc.caseId, 'タイムカードの写真です', 'reply-0001', 3);
    await enqueue(store, reply, [pdf], 3);
    const run = deps();
    await sendOutgoing(store, run.deps);
    expect(run.written.map((d) => [d.id, d.kind, d.attachments])).toEqual([
      ['case-0001', 'case', [stored(photo.hash)]],
      ['reply-0001', 'message', [stored(pdf.hash)]],
    ]);
    expect(store.value.items).toEqual([]);
  });

  it('uploads each file, then writes the case with the files’ ids, takes it off the queue and drops its files from the device', async () => {
    const store = memoryStore();
    await enqueue(store, caseDoc, [photo, pdf], 2);
    const run = deps();
    await sendOutgoing(store, run.deps);
    expect(run.uploads).toEqual(['photo.jpg', '記録.pdf']);
    expect(run.written).toEqual([{ ...caseDoc, attachments: [stored(photo.hash), stored(pdf.hash)] }]);
    expect(store.value.items).toEqual([]);
    expect(run.outbox.size).toBe(0);
  });

  it('offline: nothing is written and the case keeps waiting; the next run does not upload a file twice', async () => {
    const store = memoryStore();
    await enqueue(store, caseDoc, [photo, pdf], 2);
    const offline = deps({ failUpload: (name) => (name === pdf.name ? new ApiError('network_failed', 0) : null) });
    await sendOutgoing(store, offline.deps);
    expect(offline.written).toEqual([]);
    expect(store.value.items).toHaveLength(1);
    expect(Object.keys(store.value.items[0]!.uploaded)).toEqual([photo.hash]);
    expect(offline.outbox.size).toBe(2);

    const online = deps();
    await sendOutgoing(store, online.deps);
    expect(online.uploads).toEqual(['記録.pdf']);
    expect(online.written[0]?.attachments?.map((f) => f.name)).toEqual(['photo.jpg', '記録.pdf']);
    expect(store.value.items).toEqual([]);
  });

  it('a file refused for good marks the case with the reason and writes nothing; sent again without files it goes', async () => {
    const store = memoryStore();
    await enqueue(store, caseDoc, [photo], 2);
    const refused = deps({ failUpload: () => new ApiError('unsupported_file_type', 415) });
    await sendOutgoing(store, refused.deps);
    expect(refused.written).toEqual([]);
    expect(store.value.items[0]?.problem).toBe('unsupported_file_type');
    // A marked case is not retried by itself.
    await sendOutgoing(store, refused.deps);
    expect(refused.written).toEqual([]);

    await withoutFiles(store, caseDoc.id);
    const again = deps();
    await sendOutgoing(store, again.deps);
    expect(again.written).toEqual([{ ...caseDoc, attachments: [] }]);
    expect(store.value.items).toEqual([]);
  });
});
