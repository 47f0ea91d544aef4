import { ErrorComponent, Link, type ErrorComponentProps } from '@tanstack/react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { ForbiddenPageError } from './forbidden.ts';

/** What a member sees on a page their role does not open: a plain sentence and the way home. */
export function ForbiddenPage() {
  const { m } = useI18n();
  useDocumentTitle(m.forbidden.title);
  return (
    <section className="card stack" aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">{m.forbidden.title}</h1>
      <p>{m.forbidden.body}</p>
      <p>
        <Link to="/" className="button button-primary">
          {m.forbidden.home}
        </Link>
      </p>
    </section>
  );
}

/** The router's default error component: the forbidden page for `ForbiddenPageError`, the router's own otherwise. */
export function RouteError(props: ErrorComponentProps) {
  return props.error instanceof ForbiddenPageError ? <ForbiddenPage /> : <ErrorComponent {...props} />;
}
