import { deepEqual, type RxConflictHandler } from 'rxdb';
import type { CollectionRegistration } from './registration.ts';

/**
 * Conflict handling, deterministic so that every device ends in the same state:
 *
 * - Fields a device may write (its collection's `editableFields`: a member's own email, phone, language) keep the
 *   device's value when the device changed them (new ≠ assumed master); the
 *   last push the server accepts wins, and every device converges to it.
 * - Every other field, and `_deleted`, is the server's (master wins): they are
 *   server-owned and a device's value would be refused anyway.
 * - A row the server *rejected* resolves to the master state exactly: the
 *   attempted change lives on in the rejection store (shown to the member,
 *   fixable or dismissable), so nothing is reverted silently, and re-pushing a
 *   refused value would only loop.
 */

type Doc = Record<string, unknown>;

/** Attempted states the server refused, by doc id; filled by the push handler just before the conflict resolves. */
export type RejectedAttempts = Map<string, Doc>;

/** Strips what RxDB keeps beside the content, so states can be compared with what is pushed. */
export function docState(doc: Doc): Doc {
  const { _meta: _m, _rev: _r, _attachments: _a, ...rest } = doc;
  return { ...rest, _deleted: rest._deleted === true };
}

/**
 * A feature's own rule, asked before the field merge: true when the server's
 * state wins outright (the device's change no longer applies). The engine
 * knows no feature: the app passes the rules in, per collection.
 */
export type MasterWins = (master: Doc, mine: Doc, assumed: Doc | undefined) => boolean;

/** The collection's handler, from its registration: the fields a device may change (`editableFields`) and the feature's rule (`masterWins`). */
export function createConflictHandler(registration: CollectionRegistration, rejected: RejectedAttempts): RxConflictHandler<Doc> {
  const editable = registration.editableFields ?? [];
  const masterWins = registration.masterWins;
  return {
    isEqual(a, b) {
      return deepEqual(docState(a), docState(b));
    },
    async resolve({ realMasterState, newDocumentState, assumedMasterState }) {
      const id = String(newDocumentState.id);
      const refused = rejected.get(id);
      if (refused && deepEqual(docState(refused), docState(newDocumentState))) {
        rejected.delete(id);
        return realMasterState;
      }
      if (realMasterState._deleted) return realMasterState;
      if (masterWins?.(realMasterState, newDocumentState, assumedMasterState)) return realMasterState;
      const merged: Doc = { ...realMasterState };
      for (const field of editable) {
        const mine = newDocumentState[field] ?? null;
        const before = assumedMasterState ? (assumedMasterState[field] ?? null) : undefined;
        if (before === undefined || !deepEqual(mine, before)) merged[field] = mine;
      }
      return merged as typeof realMasterState;
    },
  };
}

interface PropSchema {
  type?: string | readonly string[];
  enum?: readonly unknown[];
  minimum?: number;
}
interface CollectionSchema {
  required?: readonly string[];
  properties: Record<string, PropSchema>;
}

/**
 * The server sends a document the member lost access to as `{id, _deleted: true}`,
 * content stripped. RxDB stores it as a deleted document, which must still pass
 * the schema (dev-mode validates): fill each missing required field with a
 * schema-valid placeholder. A live document is returned unchanged.
 */
export function fillStrippedDeleted<T extends Doc>(schema: CollectionSchema, doc: T): T {
  if (doc._deleted !== true) return doc;
  const filled: Doc = { ...doc };
  for (const field of schema.required ?? []) {
    if (filled[field] !== undefined) continue;
    filled[field] = placeholder(schema.properties[field] ?? {});
  }
  return filled as T;
}

function placeholder(prop: PropSchema): unknown {
  const types = typeof prop.type === 'string' ? [prop.type] : (prop.type ?? []);
  if (types.includes('null')) return null;
  if (prop.enum && prop.enum.length > 0) return prop.enum[0];
  if (types.includes('boolean')) return false;
  if (types.includes('integer') || types.includes('number')) return prop.minimum ?? 0;
  if (types.includes('array')) return [];
  if (types.includes('object')) return {};
  return '';
}
