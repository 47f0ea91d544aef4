/** A Belenios 2.0-compatible election core: see README.md beside this file. */
export * from './archive.ts';
export * from './ballot.ts';
export * from './credentials.ts';
export * from './election.ts';
export * from './group.ts';
export * from './hash.ts';
export * from './json.ts';
export * from './pki.ts';
export * from './proofs.ts';
export * from './random.ts';
export * from './tally.ts';
export * from './trustees.ts';
export * from './types.ts';
export * from './verify.ts';
