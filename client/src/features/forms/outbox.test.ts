import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { memoryOutbox, pruneOutbox, referencedFiles, uploadReferencedFiles, type Uploader } from './outbox.ts';

const file = (hash: string, text = hash) => ({ hash, name: `${hash}.jpg`, type: 'image/jpeg' as const, size: text.length, blob: new Blob([text]) });
const doc = (answers: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ id: 'app-1', answers, ...extra });
const h = (c: string) => c.repeat(64);

describe('the attachment outbox before a push', () => {
  it('finds the files the answers refer to, not those of deleted documents', () => {
    const docs = [doc({ photo: [{ hash: h('a') }, { hash: h('b') }], kind: 'birth', tags: ['x'] }), doc({ photo: [{ hash: h('c') }] }, { _deleted: true })];
    expect(referencedFiles(docs)).toEqual([h('a'), h('b')]);
  });

  it('uploads each referenced file once, then marks it so a retried push does not send it again', async () => {
    const store = memoryOutbox();
    await store.put(file(h('a')));
    await store.put(file(h('b')));
    const sent: string[] = [];
    const upload: Uploader = async (_blob, name) => {
      sent.push(name);
      return { hash: name.slice(0, 64), name, type: 'image/jpeg', size: 1 };
    };
    await uploadReferencedFiles(store, [doc({ photo: [{ hash: h('a') }, { hash: h('z') }] })], upload);
    await uploadReferencedFiles(store, [doc({ photo: [{ hash: h('a') }] })], upload);
    expect(sent).toEqual([`${h('a')}.jpg`]);
    expect((await store.get(h('a')))?.uploaded).toBe(true);
    expect((await store.get(h('b')))?.uploaded).toBe(false);
  });

  it('throws while offline so the push waits and is retried; lets a file refused for good through to the server’s refusal', async () => {
    const store = memoryOutbox();
    await store.put(file(h('a')));
    const offline: Uploader = () => Promise.reject(new ApiError('network_failed', 0));
    await expect(uploadReferencedFiles(store, [doc({ photo: [{ hash: h('a') }] })], offline)).rejects.toThrow();
    const serverDown: Uploader = () => Promise.reject(new ApiError('internal', 503));
    await expect(uploadReferencedFiles(store, [doc({ photo: [{ hash: h('a') }] })], serverDown)).rejects.toThrow();
    const refused: Uploader = () => Promise.reject(new ApiError('unsupported_file_type', 415));
    await expect(uploadReferencedFiles(store, [doc({ photo: [{ hash: h('a') }] })], refused)).resolves.toBeUndefined();
    expect((await store.get(h('a')))?.uploaded).toBe(false);
  });

  it('prunes only uploaded files nothing refers to any more', async () => {
    const store = memoryOutbox();
    for (const c of ['a', 'b', 'c']) await store.put(file(h(c)));
    await store.markUploaded(h('a'));
    await store.markUploaded(h('b'));
    await pruneOutbox(store, new Set([h('b')]));
    expect((await store.list()).map((f) => f.hash).sort()).toEqual([h('b'), h('c')]);
  });
});
