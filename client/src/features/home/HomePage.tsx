import { Link } from '@tanstack/react-router';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { FirstSignInLink, useSession } from '../auth/index.ts';
import { AllDone } from './AllDone.tsx';
import { homeCardsFor } from './home-cards.ts';
import { MainMenu } from './MainMenu.tsx';

/**
 * Home. A member: what is new and what is asked of them (the member cards the modules declare).
 * An officer: first what needs them (officer cards), then their own, then the officer menu.
 */
export function HomePage() {
  const { m } = useI18n();
  useDocumentTitle(m.home.title);
  const { me } = useSession();
  if (!me) {
    return (
      <section className="card stack" aria-labelledby="home-title" data-testid="home" data-signed-in="false">
        <h1 id="home-title">
          {m.home.title} <span className="home-app-name">{m.app.name}</span>
        </h1>
        <p>
          <Link to="/sign-in" className="button button-primary" data-testid="home-sign-in">
            {m.auth.signIn}
          </Link>
        </p>
        <FirstSignInLink />
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
  const { officer, member } = homeCardsFor(me);
  const memberCards = (
    <>
      {/* Remounted when the cards change, so their count hooks always run in one order. */}
      <AllDone key={member.map((c) => c.id).join(' ')} cards={member} />
      {member.map(({ id, component: Card }) => (
        <Card key={id} />
      ))}
    </>
  );
  return (
    <div className="stack" data-testid="home" data-signed-in="true">
      <section className="card stack" aria-labelledby="home-title">
        <h1 id="home-title">{m.home.title}</h1>
        <p className="muted" data-testid="home-member">
          {format(m.home.signedInAs, { name: me.member.name })}
        </p>
        {officer.length > 0 ? (
          <section className="stack home-section" aria-labelledby="needs-you-title">
            <h2 id="needs-you-title">{m.home.needsYou}</h2>
            {officer.map(({ id, component: Card }) => (
              <Card key={id} />
            ))}
          </section>
        ) : (
          memberCards
        )}
      </section>
      {officer.length > 0 ? <section className="card stack">{memberCards}</section> : null}
      <MainMenu />
    </div>
  );
}
