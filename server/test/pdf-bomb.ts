import zlib from 'node:zlib';

/**
 * Test support: a one-page PDF whose content stream inflates to `inflatedMb`
 * MiB of spaces (FlateDecode) but weighs a few hundred KB. The deflate data is
 * one 1 MiB block, compressed once and repeated (each copy byte-aligned by a
 * sync flush and free of back-references), so the test never holds the
 * inflated bytes itself.
 */
export function pdfBomb(inflatedMb: number): Buffer {
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const block = zlib.deflateRawSync(chunk, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const adler = adler32Repeated(chunk, inflatedMb);
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(adler >>> 0);
  const data = Buffer.concat([Buffer.from([0x78, 0xda]), ...Array<Buffer>(inflatedMb).fill(block), Buffer.from([0x03, 0x00]), trailer]);
  const objects: (string | Buffer)[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    Buffer.concat([Buffer.from(`<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`), data, Buffer.from('\nendstream')]),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  let size = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(size);
    const part = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.from(body), Buffer.from('\nendobj\n')]);
    parts.push(part);
    size += part.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** Adler-32 of `chunk` repeated `times` times (RFC 1950). */
function adler32Repeated(chunk: Buffer, times: number): number {
  let a = 1;
  let b = 0;
  for (let t = 0; t < times; t += 1) {
    for (const byte of chunk) {
      a = (a + byte) % 65521;
      b = (b + a) % 65521;
    }
  }
  return (b << 16) | a;
}
