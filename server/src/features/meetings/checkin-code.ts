import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readKeyFile, writeKeyFile, type KeyFileLogger } from '../../lib/key-file.ts';

const PREFIX = 'KM1';
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const unb64 = (s: string) => (/^[A-Za-z0-9_-]+$/.test(s) ? Buffer.from(s, 'base64url').toString('utf8') : null);

/** What a scanned code says, once its MAC checked out. */
export type ReadCode = { ok: true; meetingId: string; memberId: string } | { ok: false; code: 'checkin_code_invalid' | 'checkin_code_other_meeting' };

/**
 * The attendance QR's content: `KM1.<meeting id>.<member id>.<MAC>` (ids base64url),
 * the MAC being HMAC-SHA256 under the server's check-in key of `meetingId|memberId`.
 * It names the member and the meeting and nothing else; without the key nobody
 * can make one, and one made for another meeting or member fails the MAC.
 * The key lives in a 0600 file of the data directory (`meetings-checkin.key`),
 * made at first use, never in the database (a backup of the database cannot forge codes).
 */
export class CheckinCodes {
  private key: Buffer | null = null;
  private log: KeyFileLogger = { warn: () => undefined };

  constructor(private readonly keyFile: string) {}

  useLogger(log: KeyFileLogger): void {
    this.log = log;
  }

  /** Reads the key, or makes it when there is none (a new server, or a data directory restored without it): `created` says which. */
  load(): { created: boolean } {
    if (this.key) return { created: false };
    const found = readKeyFile(this.keyFile, this.log, 'meetings check-in');
    const text = found ?? writeKeyFile(this.keyFile, randomBytes(32).toString('hex'), this.log, 'meetings check-in');
    const key = Buffer.from(text, 'hex');
    if (key.length < 32) throw new Error(`${this.keyFile}: the meetings check-in key must be 64 hex digits`);
    this.key = key;
    return { created: found === null };
  }

  private secret(): Buffer {
    this.load();
    return this.key!;
  }

  private mac(meetingId: string, memberId: string): Buffer {
    return createHmac('sha256', this.secret()).update(`${meetingId}|${memberId}`, 'utf8').digest();
  }

  make(meetingId: string, memberId: string): string {
    return `${PREFIX}.${b64(meetingId)}.${b64(memberId)}.${this.mac(meetingId, memberId).toString('base64url')}`;
  }

  /** Checks a scanned code against the meeting it is scanned for: forged or malformed, or another meeting's, each with its code. */
  read(code: string, meetingId: string): ReadCode {
    const parts = code.trim().split('.');
    if (parts.length !== 4 || parts[0] !== PREFIX) return { ok: false, code: 'checkin_code_invalid' };
    const meeting = unb64(parts[1]!);
    const member = unb64(parts[2]!);
    const mac = /^[A-Za-z0-9_-]{43}$/.test(parts[3]!) ? Buffer.from(parts[3]!, 'base64url') : null;
    if (!meeting || !member || !mac || mac.length !== 32) return { ok: false, code: 'checkin_code_invalid' };
    if (!timingSafeEqual(mac, this.mac(meeting, member))) return { ok: false, code: 'checkin_code_invalid' };
    // A genuine code, but for another meeting: said apart, so the door knows the member came to the wrong room.
    if (meeting !== meetingId) return { ok: false, code: 'checkin_code_other_meeting' };
    return { ok: true, meetingId: meeting, memberId: member };
  }
}
