/**
 * The public credential list L of an election (Belenios §4.8, "g^s" or
 * "g^s,weight" per voter, sorted by credential so its order says nothing about
 * the voters), and the one change made to it after opening: a lost
 * credential's public part replaced by a new one (issue 17). Belenios 2.0 has
 * a single Setup event whose L is checked against every ballot; a replaced
 * credential therefore disappears from L, and no ballot signed with it may be
 * in the box (the server refuses the replacement once one is). Pure: strings
 * and bigints only, no crypto.
 */

export interface ListedCredential {
  key: bigint;
  weight: bigint;
}

/** Reads one line ("g^s" or "g^s,weight") without the group check; null when malformed. */
export function readListedCredential(line: string): ListedCredential | null {
  const m = /^([1-9][0-9]*)(?:,([1-9][0-9]*))?$/.exec(line);
  if (!m) return null;
  return { key: BigInt(m[1]!), weight: m[2] === undefined ? 1n : BigInt(m[2]) };
}

/** L as belenios-tool writes it: sorted by credential; weights only when one differs from 1. */
export function writeCredentialList(entries: readonly ListedCredential[]): string[] {
  const weighted = entries.some((e) => e.weight !== 1n);
  return [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((e) => (weighted ? `${e.key},${e.weight}` : `${e.key}`));
}

/**
 * L with `oldKey` struck and `newKey` listed with the same weight. Throws
 * when `oldKey` is not listed or `newKey` already is (credentials must stay distinct, §3.1 step 7).
 */
export function replaceInCredentialList(lines: readonly string[], oldKey: bigint, newKey: bigint): string[] {
  const entries = lines.map((line) => {
    const e = readListedCredential(line);
    if (!e) throw new Error(`malformed public credential: ${line.slice(0, 40)}`);
    return e;
  });
  const at = entries.findIndex((e) => e.key === oldKey);
  if (at < 0) throw new Error('the old credential is not in the list');
  if (entries.some((e) => e.key === newKey)) throw new Error('the new credential is in the list already');
  entries[at] = { key: newKey, weight: entries[at]!.weight };
  return writeCredentialList(entries);
}
