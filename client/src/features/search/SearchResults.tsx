import { highlightParts, type SearchHit } from '@kumiai/shared';
import { Link } from '@tanstack/react-router';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';

/** A snippet as plain text with the query's occurrences marked. */
function Snippet({ text, query }: { text: string; query: string }) {
  return (
    <span className="muted search-snippet" data-testid="search-snippet">
      {highlightParts(text, query).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}
    </span>
  );
}

/** The hits, each linking to its notice or document; snippets are plain text with the query marked. */
export function SearchResults({ hits, query }: { hits: readonly SearchHit[]; query: string }) {
  const { m } = useI18n();
  return (
    <ul className="row-list" data-testid="search-results">
      {hits.map((hit) => (
        <li key={`${hit.kind}:${hit.id}:${hit.file?.hash ?? ''}`}>
          <Link
            to={hit.kind === 'notice' ? '/notices/$noticeId' : '/documents/$documentId'}
            params={hit.kind === 'notice' ? { noticeId: hit.id } : { documentId: hit.id }}
            className="row-link notice-row"
            data-testid="search-hit"
            data-kind={hit.kind}
            data-id={hit.id}
          >
            <span className="notice-badges">
              <span className="badge">{hit.kind === 'notice' ? m.search.kindNotice : m.search.kindDocument}</span>
              {hit.file ? (
                <span className="badge">
                  <span aria-hidden="true">📄 </span>
                  {format(m.search.inFile, { name: hit.file.name })}
                </span>
              ) : null}
            </span>
            <span className="row-title">{hit.title}</span>
            {hit.snippet ? <Snippet text={hit.snippet} query={query} /> : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}
