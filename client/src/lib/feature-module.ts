import type { Me } from '@kumiai/shared';
import type { AnyRoute } from '@tanstack/react-router';
import type { ComponentType } from 'react';
import type { MessagesPart } from '../i18n/catalogue.ts';
import type { FeatureMessages, Messages, Widen } from '../i18n/types.ts';
import type { CollectionRegistration } from '../sync/registration.ts';

/** The officer menu's groups (名簿・組織 / 発信 / 手続き / 会計 / 管理), in the order the menu shows them. */
export const navGroups = ['roster', 'outreach', 'procedures', 'accounting', 'admin'] as const;
export type NavGroup = (typeof navGroups)[number];

/** A place in the officer menu on the home page (`MainMenu`, grouped by `group`). */
export interface NavEntry {
  /** Stable and unique: the menu link's test id is `menu-<id>`. */
  id: string;
  /** The link's text, from the catalogue. */
  label: (m: Messages) => string;
  /** A URL path of one of the app's routes. */
  to: string;
  /** Who sees it: the access helpers of features/auth (`mayUse`), never a rule of its own. */
  visible: (me: Me | null) => boolean;
  /** The group it belongs to in the officer menu (entries without one come last). */
  group?: NavGroup;
  /** Optional: a hook giving a count to show beside the entry (e.g. applications waiting), null for none. */
  useBadge?: () => number | null;
}

/**
 * A tab of the app's main navigation: the bottom bar on phones, the side bar on
 * wide screens (features/shell `TabBar`), shown to signed-in members. Votes, dues
 * or meetings add theirs here (or a home card and an entry on the 手続き page).
 */
export interface TabEntry {
  /** Stable and unique. */
  id: string;
  /** The tab's text, from the catalogue (short: five share a phone's width). */
  label: (m: Messages) => string;
  /** A URL path of one of the app's routes; the tab is current on it and on the paths under it. */
  to: string;
  /** Its place in the bar, lowest first (ホーム 10, お知らせ 20, 手続き 30, 資料 40, マイページ 90). */
  order: number;
  /** An inline SVG (aria-hidden: the label names the tab); ui/icons.tsx has the app's. */
  icon: ComponentType;
  /** Who sees it (every signed-in member when absent). */
  visible?: (me: Me) => boolean;
  /** A hook giving how many things are new or waiting (synced data, `useLiveQuery`); 0 or null shows no badge. */
  useBadge?: () => number | null;
  /** The badge's words for screen readers, read after the label: 「3件未読」 ("お知らせ 3件未読"). */
  badgeLabel?: (m: Messages, count: number) => string;
}

/**
 * A section another module adds to a tab's page (votes on 手続き, beside the
 * forms): rendered there in `order`, and its `useCount` adds to that tab's
 * badge, so the tab's owner knows nothing of it.
 */
export interface TabSection {
  /** Stable and unique. */
  id: string;
  /** The `TabEntry.id` of the tab whose page shows it. */
  tab: string;
  component: ComponentType;
  /** Its place among the tab's sections, lowest first (50 when absent). */
  order?: number;
  /** A hook giving how many things it asks of the member (undefined while loading); added to the tab's badge. */
  useCount?: () => number | undefined;
}

/** A link on the member's own page (マイページ), under 「自分の記録」: e.g. their dues. */
export interface MeLink {
  /** Stable and unique: the link's test id is `me-link-<id>`. */
  id: string;
  label: (m: Messages) => string;
  /** One line saying what is there, read with the link. */
  description?: (m: Messages) => string;
  /** A URL path of one of the app's routes. */
  to: string;
  visible?: (me: Me) => boolean;
}

/**
 * A card on the home page, shown to signed-in members (`visible` narrows it further).
 * Member cards say what is new and what is asked of the member; officer cards
 * (`audience: 'officer'`) what needs the officer, above them.
 */
export interface HomeCard {
  id: string;
  component: ComponentType;
  visible?: (me: Me) => boolean;
  audience?: 'member' | 'officer';
  /** Its place among the cards of its audience, lowest first (module order among equals; 50 when absent). */
  order?: number;
  /**
   * Member cards: a hook giving how many things the card lists (undefined while loading);
   * when every card answers 0 the home page says that all is done.
   */
  useCount?: () => number | undefined;
}

/**
 * What one feature brings to the client. `features/index.ts` lists every
 * module once; the router, the sync engine's collections, the menus, the home
 * page and the i18n catalogue are built from that list, in its order.
 */
export interface FeatureModule {
  /** The folder's name (a test checks). */
  name: string;
  /** Its synced collections (schema from @kumiai/shared; migrations, editable fields, conflict rule, push step). */
  collections?: readonly CollectionRegistration[];
  /** Its routes; each names its parent (`rootRoute` or the signed-in `memberRoute` of src/routes/) by `getParentRoute`. */
  routes?: readonly AnyRoute[];
  nav?: readonly NavEntry[];
  tabs?: readonly TabEntry[];
  /** Sections on another module's tab page (votes on 手続き). */
  tabSections?: readonly TabSection[];
  homeCards?: readonly HomeCard[];
  /** Links on マイページ to the member's own records (their dues). */
  meLinks?: readonly MeLink[];
  /** Components the app shell renders on every page, inside the member's sync provider (e.g. keeping attachments cached). */
  background?: readonly ComponentType[];
  /** Work before the first render (main.tsx), in module order: e.g. applying display settings, asking who is signed in. */
  start?: () => void;
  /** Its namespaces of the catalogue (`m.<namespace>`), in both languages. */
  messages?: MessagesPart;
}

/**
 * Declares a feature module. The English messages must have exactly the keys
 * of the Japanese ones, and the routes keep their types (the router's typed
 * links are built from them).
 */
export function defineModule<const R extends readonly AnyRoute[] = readonly [], const J extends Partial<FeatureMessages> = Record<never, never>>(
  module: Omit<FeatureModule, 'routes' | 'messages'> & { routes?: R; messages?: { ja: J; en: Widen<J> } },
): Omit<FeatureModule, 'routes' | 'messages'> & { routes: R; messages: { ja: J; en: Widen<J> } } {
  return { ...module, routes: module.routes ?? ([] as unknown as R), messages: module.messages ?? { ja: {} as J, en: {} as Widen<J> } };
}
