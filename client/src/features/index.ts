import type { FeatureModule } from '../lib/feature-module.ts';
import type { FeatureMessages } from '../i18n/types.ts';
import type { CollectionRegistration } from '../sync/registration.ts';
import { auditModule } from './audit/module.ts';
import { authModule } from './auth/module.ts';
import { cardsModule } from './cards/module.ts';
import { consultationsModule } from './consultations/module.ts';
import { documentsModule } from './documents/module.ts';
import { duesModule } from './dues/module.ts';
import { electionsModule } from './elections/module.ts';
import { electionsCommissionModule } from './elections-commission/module.ts';
import { federationModule } from './federation/module.ts';
import { formsOfficerModule } from './forms-officer/module.ts';
import { formsModule } from './forms/module.ts';
import { homeModule } from './home/module.ts';
import { kioskModule } from './kiosk/module.ts';
import { meetingsOfficerModule } from './meetings-officer/module.ts';
import { meModule } from './me/module.ts';
import { meetingsModule } from './meetings/module.ts';
import { membersModule } from './members/module.ts';
import { noticesModule } from './notices/module.ts';
import { pushModule } from './push/module.ts';
import { rosterModule } from './roster/module.ts';
import { searchModule } from './search/module.ts';
import { settingsModule } from './settings/module.ts';
import { setupModule } from './setup/module.ts';
import { shellModule } from './shell/module.ts';
import { unitsModule } from './units/module.ts';

/**
 * Every feature of the client, the only place that names them all. The router,
 * the sync engine's collections, the officer menu, the home cards and the i18n
 * catalogue are built from this list; menu entries and home cards appear in its order.
 */
export const featureModules = [
  authModule,
  setupModule,
  settingsModule,
  shellModule,
  homeModule,
  meModule,
  membersModule,
  rosterModule,
  cardsModule,
  unitsModule,
  auditModule,
  kioskModule,
  pushModule,
  searchModule,
  documentsModule,
  formsModule,
  noticesModule,
  formsOfficerModule,
  electionsModule,
  electionsCommissionModule,
  duesModule,
  meetingsModule,
  meetingsOfficerModule,
  consultationsModule,
  federationModule,
] as const satisfies readonly FeatureModule[];

type Modules = typeof featureModules;

/** The namespaces the modules declare are exactly the catalogue's feature namespaces (`FeatureMessages`, filled by each messages.ts). */
type NamespacesOf<M> = M extends { messages: { ja: infer J } } ? keyof J : never;
type DeclaredNamespace = NamespacesOf<Modules[number]>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const messagesDeclared: Same<DeclaredNamespace, keyof FeatureMessages> = true;

/** Every module's synced collections, for the sync engine (handed to SyncProvider by the app shell). */
export const syncRegistrations: readonly CollectionRegistration[] = featureModules.flatMap((m) => m.collections ?? []);
