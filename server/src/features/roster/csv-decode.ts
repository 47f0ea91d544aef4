import iconv from 'iconv-lite';
import { RosterError, type CsvEncoding } from './roster-types.ts';

/** Rosters of a few thousand members are well under 1 MiB; 5 MiB leaves room without inviting abuse. */
export const DEFAULT_MAX_CSV_BYTES = 5 * 1024 * 1024;

/**
 * Above this share of control characters or undecodable bytes the upload is
 * not a spreadsheet export at all (an image, a zip, an .xlsx saved by mistake).
 */
const JUNK_RATIO = 0.01;

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Excel writes "CSV UTF-8" with a BOM, "CSV" as CP932 (Windows' Shift_JIS),
 * and Numbers / Google Sheets write UTF-8 without a BOM. Shift_JIS text is
 * almost never valid UTF-8, so strict UTF-8 first, then CP932, is reliable.
 */
export function decodeCsv(buf: Buffer, maxBytes = DEFAULT_MAX_CSV_BYTES): DecodedCsv {
  if (buf.length > maxBytes) {
    throw new RosterError('csv_too_large', 413, `The file is ${buf.length} bytes; the limit is ${maxBytes} bytes`);
  }
  const utf16 = looksLikeUtf16or32(buf);
  if (utf16) {
    throw new RosterError('csv_unsupported_encoding', 400, `The file is ${utf16}; save it as "CSV UTF-8" or "CSV" from Excel`);
  }
  if (buf.includes(0)) throw new RosterError('csv_not_text', 400, 'The file contains NUL bytes: it is not a CSV text file');

  let decoded: DecodedCsv;
  const hasBom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  const body = hasBom ? buf.subarray(3) : buf;
  const asUtf8 = tryUtf8(body);
  if (asUtf8 !== null) {
    decoded = { text: asUtf8, encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
  } else if (hasBom) {
    // A BOM promises UTF-8; falling back to CP932 would silently garble the names.
    throw new RosterError('csv_unsupported_encoding', 400, `The file starts with a UTF-8 BOM but is not valid UTF-8 (line ${firstBadUtf8Line(body)})`);
  } else {
    decoded = { text: iconv.decode(buf, 'cp932'), encoding: 'shift_jis' };
  }
  checkText(decoded);
  return decoded;
}

function tryUtf8(buf: Buffer): string | null {
  try {
    return utf8.decode(buf);
  } catch {
    return null;
  }
}

/** UTF-16/32 (Excel's "Unicode text") by BOM, or by NULs in every other byte of ASCII-heavy text. */
function looksLikeUtf16or32(buf: Buffer): string | null {
  if (buf.length >= 4 && buf.readUInt32BE(0) === 0xfffe0000) return 'UTF-32LE';
  if (buf.length >= 4 && buf.readUInt32BE(0) === 0x0000feff) return 'UTF-32BE';
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'UTF-16LE';
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return 'UTF-16BE';
  const sample = Math.min(buf.length, 4096) & ~1;
  if (sample < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const pairs = sample / 2;
  // Random binary has ~0.4% NULs in each position; UTF-16 text of a CSV has most of one side NUL.
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'UTF-16LE';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'UTF-16BE';
  return null;
}

/** C0 controls other than tab, LF and CR, and DEL: never in a spreadsheet export, common in binaries. */
function countControls(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) n++;
  }
  return n;
}

function checkText({ text, encoding }: DecodedCsv): void {
  if (text.length === 0) return;
  const controls = countControls(text);
  // U+FFFD comes only from bytes CP932 cannot decode (strict UTF-8 would have thrown).
  const undecodable = encoding === 'shift_jis' ? (text.match(/\uFFFD/g)?.length ?? 0) : 0;
  if ((controls + undecodable) / text.length > JUNK_RATIO) {
    throw new RosterError('csv_not_text', 400, 'The file is not a CSV text file (too many control characters or undecodable bytes)');
  }
  if (undecodable > 0) {
    const line = lineOf(text, text.indexOf('\uFFFD'));
    throw new RosterError('csv_unsupported_encoding', 400, `Line ${line} has bytes that are neither UTF-8 nor Shift_JIS; save the file as "CSV UTF-8"`);
  }
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

function firstBadUtf8Line(buf: Buffer): number {
  // Decode leniently and find the first replacement character: good enough for a message.
  const text = buf.toString('utf8');
  return lineOf(text, Math.max(0, text.indexOf('\uFFFD')));
}
