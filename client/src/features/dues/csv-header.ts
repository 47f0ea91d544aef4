/**
 * The header row of a picked check-off file, for choosing its columns before
 * the upload: decoded as the server does (UTF-8 with or without a BOM, else
 * Shift_JIS as Excel writes it), the first record split on commas outside quotes.
 * Only the header is read here; the server reads and checks the whole file.
 */
export function headerOf(bytes: Uint8Array): string[] {
  const text = decodeCsvBytes(bytes.subarray(0, 64 * 1024));
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell.trim());
      cell = '';
    } else if (c === '\n' || c === '\r') break;
    else cell += c;
  }
  cells.push(cell.trim());
  return cells.filter((c) => c !== '');
}

export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    // `stream`: a cut in the middle of a character at the end of the slice is not an error.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return new TextDecoder('shift_jis').decode(bytes);
  }
}
