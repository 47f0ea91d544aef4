/**
 * The setup link carries its token in the fragment (`/setup#token=…`): browsers
 * never send the fragment to a server, so it stays out of logs and Referer
 * headers. We read it once, then wipe it from the address bar (and so from
 * history and bookmarks), keeping it only in memory.
 */
let remembered: string | null = null;

export function parseTokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return token && token.trim() !== '' ? token.trim() : null;
}

export function takeSetupToken(): string | null {
  const fromHash = parseTokenFromHash(window.location.hash);
  if (fromHash !== null) {
    remembered = fromHash;
    const { pathname, search } = window.location;
    // Keep the router's own history state; only the URL changes.
    window.history.replaceState(window.history.state, '', `${pathname}${search}`);
  }
  return remembered;
}

/** After a successful setup the token is spent: forget it. */
export function forgetSetupToken(): void {
  remembered = null;
}
