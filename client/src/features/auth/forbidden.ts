/**
 * Thrown by `requireArea` when the signed-in member may not use a page. The
 * router's error component shows `ForbiddenPage` in its place (the URL stays,
 * so the member sees which page it was), never a silent trip home.
 */
export class ForbiddenPageError extends Error {
  constructor(readonly area: string) {
    super(`forbidden page: ${area}`);
    this.name = 'ForbiddenPageError';
  }
}
