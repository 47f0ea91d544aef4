import { Link } from '@tanstack/react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';

export function HomePage() {
  const { m } = useI18n();
  useDocumentTitle(m.home.title);
  return (
    <section className="card stack" aria-labelledby="home-title" data-testid="home">
      <h1 id="home-title">
        {m.home.title} <span className="home-app-name">{m.app.name}</span>
      </h1>
      <p>{m.home.lead}</p>
      <p className="muted">{m.home.offlineNote}</p>
      <p>
        <Link to="/settings" className="text-link">
          {m.home.settingsLink}
        </Link>
      </p>
    </section>
  );
}
