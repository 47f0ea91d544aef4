import type { AnyFeatureModule, ProvidedBy, PushKind } from '../lib/feature-module.ts';
import { auditModule } from './audit/module.ts';
import { authModule } from './auth/module.ts';
import { commentsModule } from './comments/module.ts';
import { consultationsModule } from './consultations/module.ts';
import { dataRightsModule } from './data-rights/module.ts';
import { documentsModule } from './documents/module.ts';
import { electionsModule } from './elections/module.ts';
import { duesModule } from './dues/module.ts';
import { formsModule } from './forms/module.ts';
import { kioskModule } from './kiosk/module.ts';
import { meetingsModule } from './meetings/module.ts';
import { membersModule } from './members/module.ts';
import { noticesModule } from './notices/module.ts';
import { unitsModule } from './units/module.ts';
import { pushModule } from './push/module.ts';
import { rosterModule } from './roster/module.ts';
import { searchModule } from './search/module.ts';
import { setupModule } from './setup/module.ts';
import { tokensModule } from './tokens/module.ts';
import { uploadsModule } from './uploads/module.ts';

/**
 * Every feature of the server, the only place that names them all. Services are
 * built, collections registered, hooks, routes and jobs added in this order; a
 * module comes after the modules it depends on (`services.ts` checks).
 */
export const featureModules = [
  authModule,
  tokensModule,
  setupModule,
  unitsModule,
  membersModule,
  auditModule,
  rosterModule,
  kioskModule,
  uploadsModule,
  noticesModule,
  commentsModule,
  pushModule,
  documentsModule,
  searchModule,
  formsModule,
  dataRightsModule,
  electionsModule,
  duesModule,
  meetingsModule,
  consultationsModule,
] as const satisfies readonly AnyFeatureModule[];

type Modules = typeof featureModules;

/** The services every feature provides, together (`services.members`, `services.push`, …). */
export type FeatureServices = ProvidedBy<Modules>;

/** An action the audit chain records: one a module declares (`auditActions` in its module.ts). */
export type AuditAction = Modules[number]['auditActions'][number];

/** The push kinds the modules declare are exactly the kinds the service worker knows (`PushPayload['type']`). */
type DeclaredPushKind = Modules[number]['pushKinds'][number];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const pushKindsDeclared: Same<DeclaredPushKind, PushKind> = true;
