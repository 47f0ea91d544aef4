import { Link, useRouterState } from '@tanstack/react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { TabEntry } from '../../lib/feature-module.ts';
import { useSession } from '../auth/index.ts';
import { featureModules } from '../index.ts';
import { tabSectionsOf } from './tab-sections.tsx';

const noBadge = (): number | null => null;

/** Whether a tab is the current one: its own path, or one under it (/notices/123 is under お知らせ); ホーム only on /. */
export function tabIsCurrent(to: string, pathname: string): boolean {
  if (to === '/') return pathname === '/';
  return pathname === to || pathname.startsWith(`${to}/`);
}

/**
 * The main navigation for signed-in members, built from the modules' tabs: a bar at the
 * bottom of a phone's screen, a side bar on wide screens (app.css). Each tab has an icon,
 * its label and a badge for what is new or waiting, whose count is in its accessible name.
 * Kiosk pages keep their own frame.
 */
export function TabBar() {
  const { m } = useI18n();
  const { me } = useSession();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  if (!me || pathname === '/kiosk' || pathname.startsWith('/kiosk/')) return null;
  // Read at render: the module list imports this file.
  const tabs = featureModules
    .flatMap((module): readonly TabEntry[] => module.tabs ?? [])
    .filter((tab) => tab.visible?.(me) ?? true)
    .sort((a, b) => a.order - b.order);
  return (
    <nav className="tab-bar" aria-label={m.app.mainNav}>
      <ul className="tab-list">
        {tabs.map((tab) => (
          <Tab key={tab.id} tab={tab} current={tabIsCurrent(tab.to, pathname)} />
        ))}
      </ul>
    </nav>
  );
}

function Tab({ tab, current }: { tab: TabEntry; current: boolean }) {
  const { m } = useI18n();
  // One tab, the same hooks on every render (the entry and the module list are fixed for this component):
  // its own count and those of the sections other modules add to its page.
  const useBadge = tab.useBadge ?? noBadge;
  const own = useBadge();
  const added = tabSectionsOf(tab.id).reduce((sum, section) => sum + (section.useCount?.() ?? 0), 0);
  const count = (own ?? 0) + added;
  const Icon = tab.icon;
  return (
    <li>
      {/* A declared path of one of the app's routes (the feature-modules test checks every tab's). */}
      <Link to={tab.to as '/'} className="tab-link" aria-current={current ? 'page' : undefined}>
        <span className="tab-icon">
          <Icon />
          {count ? (
            <span className="tab-badge" aria-hidden="true">
              {count > 99 ? '99+' : count}
            </span>
          ) : null}
        </span>
        <span className="tab-label">{tab.label(m)}</span>
        {count ? <span className="visually-hidden"> {tab.badgeLabel ? tab.badgeLabel(m, count) : String(count)}</span> : null}
      </Link>
    </li>
  );
}
