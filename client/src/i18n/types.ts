import type { AnyErrorCode } from './error-codes.ts';
import type { ja } from './ja.ts';

export type { AnyErrorCode, ClientErrorCode } from './error-codes.ts';

export const languages = ['ja', 'en'] as const;
export type Lang = (typeof languages)[number];

/** The shape of `ja` with every leaf widened to `string`: other languages must match it key for key. */
type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export type Messages = Widen<typeof ja> & { readonly errors: Readonly<Record<AnyErrorCode, string>> };
