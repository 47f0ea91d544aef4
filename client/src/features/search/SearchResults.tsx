import type { SearchHit } from '@kumiai/shared';
import { Link } from '@tanstack/react-router';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';

/** The hits, each linking to its notice or document; snippets are plain text. */
export function SearchResults({ hits }: { hits: readonly SearchHit[] }) {
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
            {hit.snippet ? <span className="muted search-snippet">{hit.snippet}</span> : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}
