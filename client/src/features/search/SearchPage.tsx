import '../../ui/content.css';
import type { DocumentDoc, NoticeDoc, SearchHit } from '@kumiai/shared';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, errorCode } from '../../api/client.ts';
import { format } from '../../i18n/format.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useSyncDatabase } from '../../sync/SyncProvider.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { searchOnDevice } from './local-search.ts';
import { searchServer } from './search-api.ts';
import { SearchResults } from './SearchResults.tsx';

interface Outcome {
  q: string;
  hits: SearchHit[];
  nextOffset: number | null;
  offline: boolean;
}

/** Search: the server's full-text search when online (PDF text too); offline, what is on the device. */
export function SearchPage({ q }: { q: string }) {
  const { m } = useI18n();
  useDocumentTitle(m.search.title);
  const db = useSyncDatabase();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(q);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<{ q: string; code: AnyErrorCode } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<AnyErrorCode | null>(null);

  useEffect(() => {
    const query = q.trim();
    if (!query || !db) return;
    const controller = new AbortController();
    const onDevice = async (): Promise<Outcome> => {
      const [notices, documents] = await Promise.all([db.notices.find().exec(), db.documents.find().exec()]);
      const hits = searchOnDevice(
        query,
        notices.map((d) => d.toJSON() as NoticeDoc),
        documents.map((d) => d.toJSON() as DocumentDoc),
      );
      return { q: query, hits, nextOffset: null, offline: true };
    };
    const run = async (): Promise<Outcome> => {
      try {
        const result = await searchServer(query, 0, controller.signal);
        return { q: query, ...result, offline: false };
      } catch (e) {
        if (e instanceof ApiError && e.code === 'network_failed') return onDevice();
        throw e;
      }
    };
    run()
      .then((result) => {
        if (!controller.signal.aborted) setOutcome(result);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setFailure({ q: query, code: errorCode(e) });
      });
    return () => controller.abort();
  }, [q, db]);

  async function more(current: Outcome): Promise<void> {
    if (current.nextOffset === null) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await searchServer(current.q, current.nextOffset);
      setOutcome({ ...current, hits: [...current.hits, ...page.hits], nextOffset: page.nextOffset });
    } catch (e) {
      setMoreError(errorCode(e));
    } finally {
      setLoadingMore(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const next = draft.trim().slice(0, 100);
    if (next) void navigate({ to: '/search', search: { q: next } });
  }

  const query = q.trim();
  const shown = outcome && outcome.q === query ? outcome : null;
  const error = failure && failure.q === query && !shown ? failure.code : moreError;
  const loading = loadingMore || (query !== '' && !shown && !(failure && failure.q === query));
  return (
    <section className="card stack" aria-labelledby="search-title" data-testid="search-page">
      <h1 id="search-title">{m.search.title}</h1>
      <form className="stack" role="search" onSubmit={onSubmit}>
        <TextField label={m.search.label} hint={m.search.hint} type="search" value={draft} onValueChange={setDraft} maxLength={100} data-testid="search-input" />
        <button type="submit" className="button button-primary" data-testid="search-submit">
          {m.search.submit}
        </button>
      </form>
      <ErrorAlert code={error} testId="search-error" />
      {loading ? (
        <p className="muted" role="status">
          {m.search.searching}
        </p>
      ) : null}
      {shown ? (
        <section className="stack" aria-labelledby="search-results-title" data-testid="search-outcome" data-offline={shown.offline ? 'true' : 'false'} data-count={shown.hits.length}>
          <h2 id="search-results-title">
            {m.search.results} <span className="muted">({format(m.search.count, { n: shown.hits.length })})</span>
          </h2>
          {shown.offline ? (
            <p className="notice notice-warning" data-testid="search-offline">
              {m.search.offline}
            </p>
          ) : null}
          {shown.hits.length === 0 ? <p data-testid="search-none">{format(m.search.none, { q: shown.q })}</p> : <SearchResults hits={shown.hits} query={shown.q} />}
          {shown.nextOffset !== null ? (
            <button type="button" className="button" disabled={loading} onClick={() => void more(shown)} data-testid="search-more">
              {m.search.more}
            </button>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
