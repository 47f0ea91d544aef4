import type { ErrorCode } from '@kumiai/shared';
import type { ja } from './ja.ts';

export const languages = ['ja', 'en'] as const;
export type Lang = (typeof languages)[number];

/** Errors that happen on the device, never sent by the server. */
export type ClientErrorCode = 'network_failed';
export type AnyErrorCode = ErrorCode | ClientErrorCode;

/** The shape of `ja` with every leaf widened to `string`: other languages must match it key for key. */
type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export type Messages = Widen<typeof ja> & { readonly errors: Readonly<Record<AnyErrorCode, string>> };
