import type { Attachment } from '@kumiai/shared';

/**
 * Photos and PDFs attached on the device, offline: images are redrawn smaller
 * as JPEG (which also drops EXIF data such as the place a photo was taken),
 * the result is capped in size, and its SHA-256 is computed here so the
 * answer can refer to the file before it has been uploaded (the server hashes
 * the same bytes the same way).
 */

/** Longest side of a photo after downscaling, in pixels. */
export const MAX_SIDE = 1600;
export const JPEG_QUALITY = 0.8;
/** Largest file after downscaling (the server's own limit is higher). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type PreparedFile = Attachment & { blob: Blob };
export type PrepareProblem = 'too_large' | 'unsupported' | 'unreadable';
export type PrepareResult = { ok: true; file: PreparedFile } | { ok: false; problem: PrepareProblem; size?: number };

/** The size to draw an image at: the longest side at most `max`, the aspect kept, never enlarged. */
export function downscaleSize(width: number, height: number, max = MAX_SIDE): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= max || longest <= 0) return { width, height };
  const scale = max / longest;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** A file name as the server stores it (NFC, no path separators or control characters, ≤ 200 characters). */
export function cleanFileName(name: string): string {
  const clean = [...name.normalize('NFC')].map((ch) => (ch === '/' || ch === '\\' || ch.charCodeAt(0) < 0x20 ? '_' : ch)).join('');
  return [...clean].slice(0, 200).join('') || 'file';
}

/** The name of a photo once it is a JPEG: photo.HEIC → photo.jpg. */
export function jpegName(name: string): string {
  const base = name.replace(/\.[^./\\]{1,8}$/, '');
  return cleanFileName(`${base || 'photo'}.jpg`);
}

/** Lowercase hex SHA-256 of the bytes, as the server computes it. */
export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Whether the bytes begin like a PDF (a phone may give a PDF no type at all). */
export function looksLikePdf(head: Uint8Array): boolean {
  return head.length >= 5 && String.fromCharCode(...head.subarray(0, 5)) === '%PDF-';
}

async function toJpeg(file: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const { width, height } = downscaleSize(bitmap.width, bitmap.height);
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(bitmap, 0, 0, width, height);
      return await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(bitmap, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/jpeg', JPEG_QUALITY));
  } finally {
    bitmap.close();
  }
}

/** Turns a picked file into what is attached: a downscaled JPEG or the PDF as it is, with its hash; or why it cannot be. */
export async function prepareFile(file: File): Promise<PrepareResult> {
  let blob: Blob;
  let name: string;
  let type: Attachment['type'];
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  if (file.type === 'application/pdf' || looksLikePdf(head)) {
    if (!looksLikePdf(head)) return { ok: false, problem: 'unsupported' };
    blob = file;
    name = cleanFileName(file.name);
    type = 'application/pdf';
  } else if (file.type.startsWith('image/') || file.type === '') {
    try {
      blob = await toJpeg(file);
    } catch {
      return { ok: false, problem: file.type === '' ? 'unsupported' : 'unreadable' };
    }
    name = jpegName(file.name);
    type = 'image/jpeg';
  } else {
    return { ok: false, problem: 'unsupported' };
  }
  if (blob.size > MAX_FILE_BYTES) return { ok: false, problem: 'too_large', size: blob.size };
  const hash = await sha256Hex(await blob.arrayBuffer());
  return { ok: true, file: { hash, name, type, size: blob.size, blob } };
}
