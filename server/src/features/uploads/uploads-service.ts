import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Actor, Attachment } from '@kumiai/shared';
import type { Clock } from '../../lib/clock.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { sniffType } from './file-type.ts';
import type { UploadsRepo } from './uploads-repo.ts';

/**
 * Content-addressed file storage: a file is stored once under its SHA-256
 * (written to a temporary name, fsynced, then renamed, so a crash never leaves
 * a half file under a real name), and remembered per uploader.
 */
/** A file name as stored and served: NFC, no path separators or control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  return [...name.normalize('NFC')].map((ch) => (ch === '/' || ch === '\\' || ch.charCodeAt(0) < 0x20 ? '_' : ch)).join('').slice(0, 200) || 'file';
}

/** A feature's own rule for who may fetch a file it references: the name to serve it under, or null. */
export type FileReadRule = (actor: Actor, hash: string) => string | null;

export class UploadsService {
  private readonly readRules: FileReadRule[] = [];

  constructor(
    private readonly repo: UploadsRepo,
    private readonly clock: Clock,
    private readonly options: { dir: string; maxBytes: number; quotaBytesPerDay: number },
  ) {}

  private pathOf(hash: string): string {
    return path.join(this.options.dir, hash.slice(0, 2), hash);
  }

  store(actor: Actor, name: string, body: Buffer): Attachment {
    if (body.length > this.options.maxBytes) throw new AppError('payload_too_large', 413, `Files are limited to ${this.options.maxBytes} bytes`);
    const type = sniffType(body);
    if (!type) throw new AppError('unsupported_file_type', 415, 'Only PDF, PNG, JPEG, WebP and GIF files are accepted');
    const hash = createHash('sha256').update(body).digest('hex');
    this.checkQuota(actor, hash, body.length);
    this.writeOnce(hash, body);
    const now = this.clock.now();
    const cleanName = cleanFileName(name);
    this.repo.record(hash, body.length, type, actor.memberId, cleanName, now);
    return { hash, name: cleanName, type, size: body.length };
  }

  /** Writes the file under its hash unless it is there: a temporary name, fsynced, then renamed. */
  private writeOnce(hash: string, body: Buffer): void {
    const file = this.pathOf(hash);
    if (fs.existsSync(file)) return;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      fs.writeSync(fd, body);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  }

  /**
   * The at-rest option: a file whose plaintext must never reach the disk
   * (consultations' attachments). Size, type (sniffed from the plaintext) and
   * quota are checked as for any upload; then only `seal(body)` is written,
   * under the SHA-256 of the sealed bytes (each seal has its own nonce, so no
   * two are alike and nothing about the plaintext shows), and listed in
   * `uploads` so backups carry it, sealed. No file name is kept here (the
   * caller seals it with its own record); the uploader's row says `(sealed)`.
   */
  storeSealed(actor: Actor, body: Buffer, seal: (plain: Buffer) => Buffer): { hash: string; type: Attachment['type']; size: number } {
    if (body.length > this.options.maxBytes) throw new AppError('payload_too_large', 413, `Files are limited to ${this.options.maxBytes} bytes`);
    const type = sniffType(body);
    if (!type) throw new AppError('unsupported_file_type', 415, 'Only PDF, PNG, JPEG, WebP and GIF files are accepted');
    const sealed = seal(body);
    const hash = createHash('sha256').update(sealed).digest('hex');
    this.checkQuota(actor, hash, body.length);
    this.writeOnce(hash, sealed);
    this.repo.record(hash, sealed.length, 'application/octet-stream', actor.memberId, '(sealed)', this.clock.now());
    return { hash, type, size: body.length };
  }

  /** The sealed bytes stored by `storeSealed` (the caller opens them). */
  readSealed(hash: string): Buffer {
    if (!this.repo.file(hash)) throw notFound();
    return fs.readFileSync(this.pathOf(hash));
  }

  /** Deletes a sealed file for good: its bytes and its rows (erasure; plain uploads are never removed). */
  removeSealed(hash: string): void {
    this.repo.forget(hash);
    fs.rmSync(this.pathOf(hash), { force: true });
  }

  /**
   * Each member may upload `quotaBytesPerDay` bytes in any 24 hours (files they
   * already uploaded are free again). Checked before anything is written; the
   * check and the write run in one synchronous step, so parallel uploads cannot
   * both pass it.
   */
  private checkQuota(actor: Actor, hash: string, size: number): void {
    if (this.repo.owned(hash, actor.memberId)) return;
    const used = this.repo.usedSince(actor.memberId, this.clock.now() - 24 * 3600 * 1000);
    if (used + size > this.options.quotaBytesPerDay) {
      throw new AppError('upload_quota_exceeded', 429, `Uploads are limited to ${this.options.quotaBytesPerDay} bytes per member in 24 hours`);
    }
  }

  /** Whether the member uploaded every one of these files themselves, with the details they claim (size, type). */
  ownsAll(memberId: string, attachments: readonly Attachment[]): boolean {
    return attachments.every((a) => this.notOwned(memberId, a) === false);
  }

  /** Refuses attachments the author did not upload themselves (or whose details were forged). */
  checkOwned(authorId: string, attachments: readonly Attachment[]): void {
    const forged = attachments.find((a) => this.notOwned(authorId, a));
    if (forged) throw new AppError('attachment_not_yours', 400, `Attachment ${forged.hash.slice(0, 12)} was not uploaded by the author`);
  }

  private notOwned(memberId: string, a: Attachment): boolean {
    const row = this.repo.owned(a.hash, memberId);
    return !row || row.size !== a.size || row.type !== a.type;
  }

  /**
   * A feature that references uploads in its own tables (and depends on this
   * one) adds its rule here; file-access.ts asks every rule after its own.
   */
  addReadRule(rule: FileReadRule): void {
    this.readRules.push(rule);
  }

  /** The name the first added rule allowing this actor gives the file, or null. */
  nameByRules(actor: Actor, hash: string): string | null {
    for (const rule of this.readRules) {
      const name = rule(actor, hash);
      if (name !== null) return name;
    }
    return null;
  }

  /** Refuses a picture that this member did not upload, that is not an image, or that is larger than `maxBytes`. */
  checkOwnedImage(memberId: string, hash: string, maxBytes: number): void {
    const row = this.repo.owned(hash, memberId);
    if (!row) throw new AppError('attachment_not_yours', 400, `File ${hash.slice(0, 12)} was not uploaded by this member`);
    if (!row.type.startsWith('image/')) throw new AppError('unsupported_file_type', 400, 'Only an image (PNG, JPEG, WebP, GIF) is accepted here');
    if (row.size > maxBytes) throw new AppError('payload_too_large', 413, `This image is limited to ${maxBytes} bytes`);
  }

  read(hash: string): { body: Buffer; type: string; size: number } {
    const row = this.repo.file(hash);
    if (!row) throw notFound();
    return { body: fs.readFileSync(this.pathOf(hash)), ...row };
  }
}
