/**
 * A key fingerprint (hex, spaced or not) as groups of four digits, upper case,
 * in lines of `perLine` groups: what two officers read aloud to each other.
 */
export function fingerprintLines(fingerprint: string, perLine = 4): string[][] {
  const groups = fingerprint.replace(/[^0-9a-f]/gi, '').toUpperCase().match(/.{1,4}/g) ?? [];
  const lines: string[][] = [];
  for (let i = 0; i < groups.length; i += perLine) lines.push(groups.slice(i, i + perLine));
  return lines;
}
