import type { Me } from '@kumiai/shared';
import type { AnyRoute } from '@tanstack/react-router';
import type { ComponentType } from 'react';
import type { MessagesPart } from '../i18n/catalogue.ts';
import type { FeatureMessages, Messages, Widen } from '../i18n/types.ts';
import type { CollectionRegistration } from '../sync/registration.ts';

/** The officer menu's groups, for the grouped menu of issue 14 (名簿・組織 / 発信 / 手続き / 管理); unused today. */
export type NavGroup = 'roster' | 'outreach' | 'procedures' | 'admin';

/** A place in the app's navigation (today: the officer menu on the home page, `MainMenu`). */
export interface NavEntry {
  /** Stable and unique: the menu link's test id is `menu-<id>`. */
  id: string;
  /** The link's text, from the catalogue. */
  label: (m: Messages) => string;
  /** A URL path of one of the app's routes. */
  to: string;
  /** Who sees it: the access helpers of features/auth (`mayUse`), never a rule of its own. */
  visible: (me: Me | null) => boolean;
  /** Optional: the group it belongs to in a grouped menu. */
  group?: NavGroup;
  /** Optional: a hook giving a count to show beside the entry (e.g. applications waiting), null for none. */
  useBadge?: () => number | null;
}

/** A card on the home page, shown to signed-in members (`visible` narrows it further). */
export interface HomeCard {
  id: string;
  component: ComponentType;
  visible?: (me: Me) => boolean;
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
  homeCards?: readonly HomeCard[];
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
