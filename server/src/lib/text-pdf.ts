/**
 * A plain-text PDF (A4, one column, Japanese and Latin text) built by hand:
 * a few kilobytes, no font file. The text uses the Adobe-Japan1 font
 * HeiseiMin-W3 with the UniJIS-UTF16-H encoding, one of the CJK fonts every
 * PDF reader supplies itself (PDF 1.7, 9.7.5.2 and 9.10.2), so nothing is
 * embedded; Latin letters come out of the same font. Lines are wrapped by
 * width (ASCII half an em, everything else one em) and pages broken
 * when full. Used for the model bylaw clause filed in 規約 and the demo's notice.
 */

export interface TextBlock {
  text: string;
  /** Heading: larger and followed by a gap. */
  heading?: boolean;
  /** Indentation in ems for this block's wrapped lines. */
  indent?: number;
}

const PAGE = { width: 595, height: 842, margin: 56 };
const BODY_SIZE = 10.5;
const HEADING_SIZE = 13;
const LEADING = 1.6;

/** ASCII takes half an em (the font's CIDs 1–95, given width 500 below), everything else a whole em. */
function emWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  return code >= 0x20 && code <= 0x7e ? 0.5 : 1;
}

/** Japanese line-breaking rule (禁則): these never start a line. */
const NO_LINE_START = new Set([...'、。,.)」』】〕〉》”’!?・ーぁぃぅぇぉっゃゅょァィゥェォッャュョ']);

function wrap(text: string, maxEm: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (widthOf(line + ch) > maxEm && line !== '' && !NO_LINE_START.has(ch)) {
      // Latin words move whole to the next line; Japanese breaks between any two characters.
      const word = /[!-~]$/.test(line) && /[!-~]/.test(ch) ? /(?<= )[!-~]+$/.exec(line) : null;
      const carry = word && word.index > 0 ? word[0] : '';
      lines.push(line.slice(0, line.length - carry.length).trimEnd());
      line = carry;
      if (ch === ' ' && line === '') continue;
    }
    line += ch;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

function widthOf(text: string): number {
  let width = 0;
  for (const ch of text) width += emWidth(ch);
  return width;
}

function utf16Hex(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i += 1) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex}>`;
}

/** Page content streams: each a list of PDF text operators. */
function layout(blocks: readonly TextBlock[]): string[][] {
  const pages: string[][] = [[]];
  let y = PAGE.height - PAGE.margin;
  const usable = PAGE.width - 2 * PAGE.margin;
  for (const block of blocks) {
    const size = block.heading ? HEADING_SIZE : BODY_SIZE;
    const indent = (block.indent ?? 0) * size;
    const step = size * LEADING;
    for (const line of wrap(block.text, (usable - indent) / size)) {
      if (y - step < PAGE.margin) {
        pages.push([]);
        y = PAGE.height - PAGE.margin;
      }
      y -= step;
      pages[pages.length - 1]!.push(`BT /F1 ${size} Tf ${(PAGE.margin + indent).toFixed(1)} ${y.toFixed(1)} Td ${utf16Hex(line)} Tj ET`);
    }
    if (block.heading) y -= size * 0.5;
  }
  return pages;
}

/** The PDF bytes for the blocks, titled `title` (shown by readers in the window's title bar). */
export function textPdf(title: string, blocks: readonly TextBlock[]): Buffer {
  const pages = layout(blocks);
  const pageIds = pages.map((_, i) => 6 + i * 2);
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R /ViewerPreferences << /DisplayDocTitle true >> >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiMin-W3 /Encoding /UniJIS-UTF16-H /DescendantFonts [4 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiMin-W3 /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 5 >> /FontDescriptor 5 0 R /DW 1000 /W [1 95 500] >>',
    '<< /Type /FontDescriptor /FontName /HeiseiMin-W3 /Flags 6 /FontBBox [-123 -257 1001 910] /ItalicAngle 0 /Ascent 723 /Descent -241 /CapHeight 709 /StemV 69 >>',
  ];
  for (const [i, content] of pages.entries()) {
    const stream = content.join('\n');
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`);
    objects.push(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
  }
  objects.push(`<< /Title ${utf16Hex(`\ufeff${title}`)} /Producer (Kumiai) >>`);
  const infoId = objects.length;
  let body = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${infoId} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/**
 * Markdown as `textPdf` blocks, for text we write ourselves (headings, lists,
 * paragraphs, simple tables): markup characters are dropped, a list item's
 * continuation lines join it, table cells are joined with " — ".
 */
export function markdownBlocks(markdown: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  const plain = (s: string) => s.replace(/\*\*|`/g, '').trim();
  for (const raw of markdown.split('\n')) {
    const line = raw.trimEnd();
    const item = /^(\s*)(\d+\.|-)\s+(.*)$/.exec(line);
    if (line.trim() === '' || /^-{3,}$/.test(line.trim()) || /^\|[-| ]+\|$/.test(line.trim())) {
      if (blocks.length > 0 && blocks[blocks.length - 1]!.text !== '') blocks.push({ text: '' });
    } else if (line.startsWith('#')) {
      blocks.push({ text: plain(line.replace(/^#+/, '')), heading: true });
    } else if (line.startsWith('|')) {
      blocks.push({ text: line.split('|').map(plain).filter(Boolean).join(' — ') });
    } else if (item) {
      const depth = Math.floor(item[1]!.length / 3);
      blocks.push({ text: `${item[2] === '-' ? '・' : item[2]} ${plain(item[3]!)}`, indent: 1 + depth * 1.5 });
    } else if (/^\s+/.test(line) && blocks.length > 0 && blocks[blocks.length - 1]!.text !== '') {
      const last = blocks[blocks.length - 1]!;
      last.text += (/[\u3000-\u9fff]$/.test(last.text) ? '' : ' ') + plain(line);
    } else {
      const last = blocks[blocks.length - 1];
      if (last && last.text !== '' && !last.heading && last.indent === undefined) last.text += (/[\u3000-\u9fff]$/.test(last.text) ? '' : ' ') + plain(line);
      else blocks.push({ text: plain(line) });
    }
  }
  return blocks;
}
