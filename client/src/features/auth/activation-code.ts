/**
 * A login card's QR code opens `/activate#code=…`: the fragment never reaches
 * a server or its logs. Read once, then wiped from the address bar (and so from
 * history), kept only in memory — as the setup token is.
 */
let remembered: string | null = null;

export function parseCodeFromHash(hash: string): string | null {
  const code = new URLSearchParams(hash.replace(/^#/, '')).get('code');
  return code && code.trim() !== '' ? code.trim() : null;
}

export function takeActivationCode(): string | null {
  const fromHash = parseCodeFromHash(window.location.hash);
  if (fromHash !== null) {
    remembered = fromHash;
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}`);
  }
  return remembered;
}

export function forgetActivationCode(): void {
  remembered = null;
}
