import { Link } from '@tanstack/react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import { navGroups, type NavEntry, type NavGroup } from '../../lib/feature-module.ts';
import { useSession } from '../auth/index.ts';
import { featureModules } from '../index.ts';

/** The officer and admin areas this member may use, grouped by task (名簿・組織 / 発信 / 手続き / 管理); nothing for everyone else. */
export function MainMenu() {
  const { m } = useI18n();
  const { me } = useSession();
  // The entries the modules declare, in module order (read at render: the module list imports this file).
  const visible = featureModules.flatMap((module): readonly NavEntry[] => module.nav ?? []).filter((entry) => entry.visible(me));
  if (visible.length === 0) return null;
  const groups: { id: NavGroup | 'other'; entries: NavEntry[] }[] = [
    ...navGroups.map((id) => ({ id, entries: visible.filter((e) => e.group === id) })),
    { id: 'other', entries: visible.filter((e) => e.group === undefined) },
  ];
  return (
    <nav aria-labelledby="menu-title" className="card stack" data-testid="main-menu">
      <h2 id="menu-title">{m.nav.title}</h2>
      {groups
        .filter((g) => g.entries.length > 0)
        .map((g) => (
          <section key={g.id} className="menu-group stack" aria-labelledby={`menu-group-${g.id}`}>
            <h3 id={`menu-group-${g.id}`}>{m.nav.groups[g.id]}</h3>
            <ul className="menu-list">
              {g.entries.map((entry) => (
                <li key={entry.id}>
                  {/* A declared path of one of the app's routes (the feature-modules test checks every entry's). */}
                  <Link to={entry.to as '/'} className="button menu-link" data-testid={`menu-${entry.id}`}>
                    {entry.label(m)}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
    </nav>
  );
}
