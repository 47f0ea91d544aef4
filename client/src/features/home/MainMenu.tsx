import { Link } from '@tanstack/react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import { mayUse, type Area } from '../auth/access.ts';
import { useSession } from '../auth/session.ts';

const destinations = {
  members: '/members',
  import: '/members/import',
  cards: '/members/cards',
  units: '/units',
  audit: '/audit',
  kiosk: '/kiosk/register',
  notices: '/notices/new',
  forms: '/forms/manage',
  approvals: '/approvals',
} as const satisfies Record<Area, string>;

/** The officer and admin areas this member may use; nothing for everyone else. */
export function MainMenu() {
  const { m } = useI18n();
  const { me } = useSession();
  const areas = (Object.keys(destinations) as Area[]).filter((area) => mayUse(me, area) && !(area === 'kiosk' && me?.session.kind === 'kiosk'));
  if (areas.length === 0) return null;
  return (
    <nav aria-labelledby="menu-title" className="stack" data-testid="main-menu">
      <h2 id="menu-title">{m.nav.title}</h2>
      <ul className="menu-list">
        {areas.map((area) => (
          <li key={area}>
            <Link to={destinations[area]} className="button menu-link" data-testid={`menu-${area}`}>
              {m.nav[area]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
