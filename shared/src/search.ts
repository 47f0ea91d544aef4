/** GET /api/search?q=&limit=&offset= */
export const searchQuerySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['q'],
  properties: {
    q: { type: 'string', minLength: 1, maxLength: 100 },
    limit: { type: 'string', pattern: '^[0-9]{1,2}$' },
    offset: { type: 'string', pattern: '^[0-9]{1,4}$' },
  },
} as const;

export const SEARCH_MAX_LIMIT = 50;

/**
 * Search text may hold any printable text but no control characters (a NUL
 * byte, an escape, a line break): nobody types them, and a NUL ends a string
 * inside SQLite's full-text query parser.
 */
export function searchQueryProblem(q: string): 'search_query_invalid' | null {
  return /\p{Cc}/u.test(q) ? 'search_query_invalid' : null;
}

export interface SearchHit {
  kind: 'notice' | 'document';
  id: string;
  title: string;
  /** A short excerpt around the first match, plain text (render it as text, never as HTML). */
  snippet: string;
  /** Set when the match is inside an attached PDF. */
  file?: { hash: string; name: string };
}

export interface SearchResult {
  hits: SearchHit[];
  /** Offset of the next page, or null when there is none. */
  nextOffset: number | null;
}
