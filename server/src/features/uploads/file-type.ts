import type { Attachment } from '@kumiai/shared';

/**
 * The type of a file from its first bytes, never from its name or the
 * Content-Type the browser sent: a renamed script stays unaccepted.
 */
export function sniffType(buf: Buffer): Attachment['type'] | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => buf[i] === b);
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (buf.subarray(0, 4).toString('latin1') === 'RIFF' && buf.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (buf.subarray(0, 6).toString('latin1') === 'GIF87a' || buf.subarray(0, 6).toString('latin1') === 'GIF89a') return 'image/gif';
  return null;
}
