import { Link } from '@tanstack/react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';

export function NotFoundPage() {
  const { m } = useI18n();
  useDocumentTitle(m.notFound.title);
  return (
    <section className="card stack" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{m.notFound.title}</h1>
      <p>
        <Link to="/" className="text-link">
          {m.notFound.backHome}
        </Link>
      </p>
    </section>
  );
}
