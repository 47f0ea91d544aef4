/**
 * Where a signed-out member was going, kept in this page's memory only (never
 * stored: a credential letter's link carries a secret in its fragment) until
 * they sign in. Only a path of this site, never another origin.
 */
let pending: string | null = null;

export function rememberReturn(href: string): void {
  pending = isLocalPath(href) && !href.startsWith('/sign-in') ? href : null;
}

/** The remembered path, once (then forgotten); null when there is none. */
export function takeReturn(): string | null {
  const href = pending;
  pending = null;
  return href;
}

function isLocalPath(href: string): boolean {
  return href.startsWith('/') && !href.startsWith('//') && !href.startsWith('/\\');
}
