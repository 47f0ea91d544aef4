import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';

/**
 * The few bytes of POSIX ustar a backup needs: regular files with short names
 * (`kumiai.sqlite`, `uploads/ab/<sha256>`, `manifest.json`: all under 100
 * characters) and sizes under 8 GiB. Written by hand rather than with a
 * library: about 100 lines, no dependency to keep, and every file is streamed
 * through a SHA-256 while it is written or read back. `tar -tvf` and
 * `tar -xf` read the result.
 */

const BLOCK = 512;
const CHUNK = 1024 * 1024;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, mtimeSeconds: number): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`tar: name too long: ${name}`);
  if (size >= 8 * 1024 ** 3) throw new Error(`tar: file too large: ${name}`);
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(0o600, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(Math.floor(mtimeSeconds), 12), 136, 'ascii');
  h.write('        ', 148, 'ascii'); // checksum is computed with its own field as spaces
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(octal(sum, 7) + ' ', 148, 'ascii');
  return h;
}

const padding = (size: number): number => (BLOCK - (size % BLOCK)) % BLOCK;

export interface TarPart {
  name: string;
  size: number;
  sha256: string;
}

/** Appends files to a tar file, hashing each on the way. */
export class TarWriter {
  private position = 0;
  private constructor(private readonly file: fs.FileHandle) {}

  static async create(path: string): Promise<TarWriter> {
    return new TarWriter(await fs.open(path, 'wx', 0o600));
  }

  private async write(buf: Buffer): Promise<void> {
    await this.file.write(buf, 0, buf.length, this.position);
    this.position += buf.length;
  }

  async addBuffer(name: string, data: Buffer, mtimeSeconds: number): Promise<TarPart> {
    await this.write(header(name, data.length, mtimeSeconds));
    await this.write(data);
    await this.write(Buffer.alloc(padding(data.length)));
    return { name, size: data.length, sha256: createHash('sha256').update(data).digest('hex') };
  }

  /** Streams a file in; its size is taken once (the file must not change meanwhile: copies and immutable uploads only). */
  async addFile(name: string, source: string): Promise<TarPart> {
    const input = await fs.open(source, 'r');
    try {
      const { size, mtimeMs } = await input.stat();
      await this.write(header(name, size, mtimeMs / 1000));
      const hash = createHash('sha256');
      const buf = Buffer.allocUnsafe(CHUNK);
      let done = 0;
      while (done < size) {
        const { bytesRead } = await input.read(buf, 0, Math.min(CHUNK, size - done), done);
        if (bytesRead === 0) throw new Error(`tar: ${source} shrank while being read`);
        const slice = buf.subarray(0, bytesRead);
        hash.update(slice);
        await this.write(slice);
        done += bytesRead;
      }
      await this.write(Buffer.alloc(padding(size)));
      return { name, size, sha256: hash.digest('hex') };
    } finally {
      await input.close();
    }
  }

  /** Two zero blocks end the archive; the data reaches the disk before this returns. */
  async finish(): Promise<void> {
    await this.write(Buffer.alloc(BLOCK * 2));
    await this.file.sync();
    await this.file.close();
  }

  async abort(): Promise<void> {
    await this.file.close().catch(() => undefined);
  }
}

export interface TarEntry {
  name: string;
  size: number;
  /** Byte offset of the content in the tar file. */
  offset: number;
}

/** The entries of a tar file (headers only; contents are read on demand). */
export async function readTarEntries(path: string): Promise<TarEntry[]> {
  const file = await fs.open(path, 'r');
  try {
    const entries: TarEntry[] = [];
    const { size: total } = await file.stat();
    const h = Buffer.alloc(BLOCK);
    let position = 0;
    while (position + BLOCK <= total) {
      await file.read(h, 0, BLOCK, position);
      if (h.every((b) => b === 0)) break;
      let sum = 0;
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
      if (sum !== parseInt(h.toString('ascii', 148, 156).replace(/\0.*$/, '').trim(), 8)) throw new Error('tar: bad header checksum');
      const name = h.toString('utf8', 0, 100).replace(/\0.*$/s, '');
      const size = parseInt(h.toString('ascii', 124, 136).replace(/\0.*$/, '').trim() || '0', 8);
      if (position + BLOCK + size > total) throw new Error('tar: truncated');
      entries.push({ name, size, offset: position + BLOCK });
      position += BLOCK + size + padding(size);
    }
    return entries;
  } finally {
    await file.close();
  }
}

export async function readTarEntry(path: string, entry: TarEntry): Promise<Buffer> {
  const file = await fs.open(path, 'r');
  try {
    const buf = Buffer.alloc(entry.size);
    await file.read(buf, 0, entry.size, entry.offset);
    return buf;
  } finally {
    await file.close();
  }
}

/** Copies one entry out to a new file, returning its SHA-256. */
export async function extractTarEntry(path: string, entry: TarEntry, target: string): Promise<string> {
  const input = await fs.open(path, 'r');
  const output = await fs.open(target, 'wx', 0o600);
  try {
    const hash = createHash('sha256');
    const buf = Buffer.allocUnsafe(CHUNK);
    let done = 0;
    while (done < entry.size) {
      const { bytesRead } = await input.read(buf, 0, Math.min(CHUNK, entry.size - done), entry.offset + done);
      if (bytesRead === 0) throw new Error('tar: truncated');
      const slice = buf.subarray(0, bytesRead);
      hash.update(slice);
      await output.write(slice);
      done += bytesRead;
    }
    await output.sync();
    return hash.digest('hex');
  } finally {
    await input.close();
    await output.close();
  }
}
