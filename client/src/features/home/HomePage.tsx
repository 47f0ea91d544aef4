import { Link } from '@tanstack/react-router';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { FirstSignInLink, useSession } from '../auth/index.ts';
import { featureModules } from '../index.ts';
import { MainMenu } from './MainMenu.tsx';

export function HomePage() {
  const { m } = useI18n();
  useDocumentTitle(m.home.title);
  const { me } = useSession();
  // The home cards the modules declare, in module order (read at render: the module list imports this file).
  const cards = featureModules.flatMap((module) => module.homeCards ?? []);
  return (
    <section className="card stack" aria-labelledby="home-title" data-testid="home" data-signed-in={me ? 'true' : 'false'}>
      <h1 id="home-title">
        {m.home.title} <span className="home-app-name">{me?.unionName ?? m.app.name}</span>
      </h1>
      {me ? (
        <p data-testid="home-member">{format(m.home.signedInAs, { name: me.member.name, employeeNumber: me.member.employeeNumber })}</p>
      ) : (
        <p>
          <Link to="/sign-in" className="button button-primary" data-testid="home-sign-in">
            {m.auth.signIn}
          </Link>
        </p>
      )}
      {me ? null : <FirstSignInLink />}
      {me ? cards.filter((card) => card.visible?.(me) ?? true).map(({ id, component: Card }) => <Card key={id} />) : <p>{m.home.lead}</p>}
      <MainMenu />
      <p className="muted">{m.home.offlineNote}</p>
      <p>
        <Link to="/settings" className="text-link">
          {m.home.settingsLink}
        </Link>
      </p>
    </section>
  );
}
