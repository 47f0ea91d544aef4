import type { AnyErrorCode } from './error-codes.ts';
import type { ja } from './ja.ts';

export type { AnyErrorCode, ClientErrorCode } from './error-codes.ts';

export const languages = ['ja', 'en'] as const;
export type Lang = (typeof languages)[number];

/** The shape of a Japanese catalogue with every leaf widened to `string`: other languages must match it key for key. */
export type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The core catalogue (ja.ts, en.ts): the shared parts, and a text for every error code in both languages. */
export type CoreMessages = Widen<typeof ja> & { readonly errors: Readonly<Record<AnyErrorCode, string>> };

/**
 * The features' namespaces, one member per namespace. Each feature's
 * `messages.ts` adds its own by declaration merging:
 *
 *   declare module '../../i18n/types.ts' { interface FeatureMessages { dues: Widen<typeof duesJa> } }
 *
 * and its module declares the texts (`messages: { ja: { dues: duesJa }, en: { dues: duesEn } }`);
 * features/index.ts checks that the modules declare exactly these namespaces.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the features' declaration merging
export interface FeatureMessages {}

/** The whole catalogue the app reads as `m`: the core plus every feature's namespaces. */
export type Messages = CoreMessages & FeatureMessages;
