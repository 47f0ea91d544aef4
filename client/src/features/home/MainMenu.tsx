import { Link } from '@tanstack/react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useSession } from '../auth/index.ts';
import { featureModules } from '../index.ts';

/** The officer and admin areas this member may use (each entry says who sees it); nothing for everyone else. */
export function MainMenu() {
  const { m } = useI18n();
  const { me } = useSession();
  // The entries the modules declare, in module order (read at render: the module list imports this file).
  const visible = featureModules.flatMap((module) => module.nav ?? []).filter((entry) => entry.visible(me));
  if (visible.length === 0) return null;
  return (
    <nav aria-labelledby="menu-title" className="stack" data-testid="main-menu">
      <h2 id="menu-title">{m.nav.title}</h2>
      <ul className="menu-list">
        {visible.map((entry) => (
          <li key={entry.id}>
            {/* A declared path of one of the app's routes (the feature-modules test checks every entry's). */}
            <Link to={entry.to as '/'} className="button menu-link" data-testid={`menu-${entry.id}`}>
              {entry.label(m)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
