import { Link } from '@tanstack/react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import { mayUse, useSession } from '../auth/index.ts';

/** The treasurers' dues screens, linked from each of them (manage-only ones for dues.manage holders). */
export function DuesOfficerNav() {
  const { m } = useI18n();
  const t = m.duesOfficer;
  const { me } = useSession();
  const manage = mayUse(me, 'duesManage');
  const links = [
    { to: '/dues/manage', label: t.menuTotals, show: true },
    { to: '/dues/checkoff', label: t.menuCheckoff, show: manage },
    { to: '/dues/members', label: t.menuMembers, show: true },
    { to: '/dues/arrears', label: t.menuArrears, show: true },
    { to: '/dues/rules', label: t.menuRules, show: true },
  ] as const;
  return (
    <nav aria-label={t.navLabel}>
      <ul className="button-row plain-nav">
        {links
          .filter((l) => l.show)
          .map((l) => (
            <li key={l.to}>
              <Link to={l.to} className="button button-small" activeProps={{ 'aria-current': 'page' }}>
                {l.label}
              </Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}
