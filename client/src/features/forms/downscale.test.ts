import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sizeText } from '../../ui/files.ts';
import { cleanFileName, downscaleSize, jpegName, looksLikePdf, MAX_SIDE, sha256Hex } from './downscale.ts';

describe('downscaling and hashing attached files', () => {
  it('keeps the longest side at most 1600 px, the aspect kept, never enlarging', () => {
    expect(downscaleSize(4032, 3024)).toEqual({ width: 1600, height: 1200 });
    expect(downscaleSize(3024, 4032)).toEqual({ width: 1200, height: 1600 });
    expect(downscaleSize(1600, 900)).toEqual({ width: 1600, height: 900 });
    expect(downscaleSize(800, 600)).toEqual({ width: 800, height: 600 });
    expect(downscaleSize(10000, 3)).toEqual({ width: MAX_SIDE, height: 1 });
  });

  it('hashes bytes exactly as the server does (SHA-256, lowercase hex)', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4 結婚祝金');
    expect(await sha256Hex(bytes.buffer)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('names files as the server stores them, and photos as .jpg', () => {
    expect(jpegName('IMG_0001.HEIC')).toBe('IMG_0001.jpg');
    expect(jpegName('写真')).toBe('写真.jpg');
    expect(cleanFileName('a/b\\c\u0001.pdf')).toBe('a_b_c_.pdf');
    expect(cleanFileName('')).toBe('file');
    expect(looksLikePdf(new TextEncoder().encode('%PDF-1.7'))).toBe(true);
    expect(looksLikePdf(new TextEncoder().encode('<html>'))).toBe(false);
    expect(sizeText(10_500_000)).toBe('10.5 MB');
  });
});
