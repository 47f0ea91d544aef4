/**
 * The public record (§4.4): an old-style tar archive that only grows. It
 * starts with a BELENIOS header; then data files (<sha256>.data.json) and
 * events (<sha256>.event.json) that form a hash chain through `parent`.
 * The tar layout is byte-for-byte the one belenios-tool writes and re-checks
 * (src/lib/core/archive.ml at tag 2.0): mode 0000644, uid/gid 0, mtime = the
 * header timestamp, no ustar magic, no end-of-archive blocks.
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { sha256Hex, utf8Decode } from './hash.ts';
import { readArchiveHeader, readEvent, readOwned, readSetupData, readSizedEncryptedTally, writeArchiveHeader, writeEvent } from './json.ts';
import type { BelEvent, EventType } from './types.ts';

const BLOCK = 512;

function octal(n: bigint | number, width: number): string {
  return n.toString(8).padStart(width, '0');
}

/** One tar member: a 512-byte header and the body padded with zeros to whole blocks. */
export function tarRecord(name: string, body: Uint8Array, mtime: bigint): Uint8Array {
  const blocks = Math.ceil(body.length / BLOCK);
  const out = new Uint8Array(BLOCK * (1 + blocks));
  const put = (offset: number, s: string) => out.set(utf8ToBytes(s), offset);
  put(0, name);
  put(100, '0000644');
  put(108, '0000000');
  put(116, '0000000');
  put(124, octal(body.length, 11));
  put(136, octal(mtime, 11));
  put(148, '        ');
  put(156, '0');
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += out[i]!;
  put(148, `${octal(sum, 6)}\0 `);
  out.set(body, BLOCK);
  return out;
}

export interface ArchiveRecord {
  kind: 'data' | 'event';
  hash: string;
  content: string;
}

/**
 * Builds an archive in memory as the election proceeds. Each append returns
 * the bytes to add to the end of the file, so a server can write them through.
 */
export class ArchiveBuilder {
  readonly records: ArchiveRecord[] = [];
  private readonly chunks: Uint8Array[] = [];
  private last: { hash: string; height: number } | null = null;

  constructor(readonly timestamp: bigint) {
    this.chunks.push(tarRecord('BELENIOS', utf8ToBytes(writeArchiveHeader(timestamp)), timestamp));
  }

  private push(kind: 'data' | 'event', content: string): { hash: string; bytes: Uint8Array } {
    const hash = sha256Hex(content);
    const bytes = tarRecord(`${hash}.${kind}.json`, utf8ToBytes(content), this.timestamp);
    this.records.push({ kind, hash, content });
    this.chunks.push(bytes);
    return { hash, bytes };
  }

  /** Appends a record exactly as given (re-packing or auditing an existing archive). */
  record(kind: 'data' | 'event', content: string): string {
    const { hash } = this.push(kind, content);
    if (kind === 'event') {
      const e = readEvent(content);
      this.last = { hash, height: e.height };
    }
    return hash;
  }

  data(content: string): string {
    return this.push('data', content).hash;
  }

  event(type: EventType, payload?: string): string {
    const e: BelEvent = { height: this.last ? this.last.height + 1 : 0, type };
    if (this.last) e.parent = this.last.hash;
    if (payload !== undefined) e.payload = payload;
    const { hash } = this.push('event', writeEvent(e));
    this.last = { hash, height: e.height };
    return hash;
  }

  get lastEventHash(): string | null {
    return this.last?.hash ?? null;
  }

  bytes(): Uint8Array {
    const total = this.chunks.reduce((n, c) => n + c.length, 0);
    const out = new Uint8Array(total);
    let o = 0;
    for (const c of this.chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }
}

export class ArchiveFormatError extends Error {}

export interface ParsedArchive {
  timestamp: bigint;
  records: ArchiveRecord[];
}

/** Reads a .bel archive; refuses anything belenios-tool would not have written. */
export function parseArchive(bytes: Uint8Array): ParsedArchive {
  const ascii = (b: Uint8Array) => String.fromCharCode(...b);
  let offset = 0;
  const next = (): { name: string; body: string; start: number; end: number } | null => {
    if (offset === bytes.length) return null;
    if (offset + BLOCK > bytes.length) throw new ArchiveFormatError(`truncated tar header at byte ${offset}`);
    const h = bytes.subarray(offset, offset + BLOCK);
    const nul = h.indexOf(0);
    const name = ascii(h.subarray(0, nul < 0 ? 100 : Math.min(nul, 100)));
    const sizeStr = ascii(h.subarray(124, 135));
    if (!/^[0-7]{11}$/.test(sizeStr)) throw new ArchiveFormatError(`bad size field at byte ${offset}`);
    const size = parseInt(sizeStr, 8);
    const blocks = Math.ceil(size / BLOCK);
    const end = offset + BLOCK * (1 + blocks);
    if (end > bytes.length) throw new ArchiveFormatError(`truncated member ${name}`);
    const body = utf8Decode(bytes.subarray(offset + BLOCK, offset + BLOCK + size));
    if (body === null) throw new ArchiveFormatError(`member ${name} is not UTF-8`);
    const start = offset;
    offset = end;
    return { name, body, start, end };
  };
  const first = next();
  if (!first || first.name !== 'BELENIOS') throw new ArchiveFormatError('ill-formed archive header found');
  const header = readArchiveHeader(first.body);
  if (header.version !== 1) throw new ArchiveFormatError('unsupported archive header');
  const expectSame = (m: { name: string; start: number; end: number }, body: string) => {
    const expected = tarRecord(m.name, utf8ToBytes(body), header.timestamp);
    const actual = bytes.subarray(m.start, m.end);
    if (expected.length !== actual.length || expected.some((b, i) => b !== actual[i])) throw new ArchiveFormatError(`tar header or padding of ${m.name} differs from what Belenios writes`);
  };
  expectSame(first, first.body);
  const records: ArchiveRecord[] = [];
  for (let m = next(); m; m = next()) {
    const match = /^([0-9a-f]{64})\.(data|event)\.json$/.exec(m.name);
    if (!match) throw new ArchiveFormatError(`unexpected member ${m.name}`);
    expectSame(m, m.body);
    const hash = sha256Hex(m.body);
    if (hash !== match[1]) throw new ArchiveFormatError(`member ${m.name} does not match its hash (${hash})`);
    records.push({ kind: match[2] as 'data' | 'event', hash, content: m.body });
  }
  return { timestamp: header.timestamp, records };
}

/** The hashes of the data records an event brings, in the order Belenios writes them before the event. */
export function payloadsOf(event: BelEvent, get: (hash: string) => string | undefined): string[] {
  const need = (h: string | undefined) => {
    if (h === undefined) throw new ArchiveFormatError(`missing payload in event ${event.type}`);
    if (get(h) === undefined) throw new ArchiveFormatError(`hash ${h} not found`);
    return h;
  };
  switch (event.type) {
    case 'Ballot':
    case 'Result':
      return [need(event.payload)];
    case 'EndBallots':
    case 'EndShuffles':
      if (event.payload !== undefined) throw new ArchiveFormatError(`extra payload found at height ${event.height}`);
      return [];
    case 'Setup': {
      const p = need(event.payload);
      const s = readSetupData(get(p)!);
      return [need(s.election), need(s.trustees), need(s.credentials), p];
    }
    case 'EncryptedTally': {
      const p = need(event.payload);
      return [need(readSizedEncryptedTally(get(p)!).encrypted_tally), p];
    }
    case 'Shuffle':
    case 'PartialDecryption': {
      const p = need(event.payload);
      return [need(readOwned(get(p)!).payload), p];
    }
  }
}

/**
 * Re-derives the archive from its last event, as belenios-tool's fsck does,
 * and checks it is exactly the archive read: the chain (heights, parents) is
 * whole and nothing is missing, duplicated, reordered or added.
 */
export function checkChain(archive: ParsedArchive): { events: { event: BelEvent; hash: string }[] } {
  const byHash = new Map<string, string>();
  for (const r of archive.records) byHash.set(r.hash, r.content);
  const lastRecord = [...archive.records].reverse().find((r) => r.kind === 'event');
  if (!lastRecord) throw new ArchiveFormatError('no events');
  const chain: { event: BelEvent; hash: string }[] = [];
  for (let h: string | undefined = lastRecord.hash; h !== undefined; ) {
    const content = byHash.get(h);
    if (content === undefined) throw new ArchiveFormatError(`hash ${h} not found`);
    const event = readEvent(content);
    if (writeEvent(event) !== content) throw new ArchiveFormatError(`event ${h} is not in canonical form`);
    chain.push({ event, hash: h });
    h = event.parent;
    if (chain.length > archive.records.length) throw new ArchiveFormatError('event chain loops');
  }
  chain.reverse();
  const expected: string[] = [];
  chain.forEach(({ event, hash }, height) => {
    const parent = height === 0 ? undefined : chain[height - 1]!.hash;
    if (event.height !== height || event.parent !== parent) throw new ArchiveFormatError(`inconsistency at height ${height}`);
    expected.push(...payloadsOf(event, (x) => byHash.get(x)), hash);
  });
  const actual = archive.records.map((r) => r.hash);
  const firstDiff = expected.findIndex((h, i) => actual[i] !== h);
  if (firstDiff >= 0 || actual.length !== expected.length) {
    const i = firstDiff >= 0 ? firstDiff : Math.min(actual.length, expected.length);
    throw new ArchiveFormatError(`archive differs from its event chain at record ${i + 1}`);
  }
  return { events: chain };
}
