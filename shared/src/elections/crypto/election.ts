/** Election parameters (§4.10) and the loaded election every other step works on. */
import { groupOps, type GroupName, type GroupOps } from './group.ts';
import { sha256B64 } from './hash.ts';
import { readElection, writeElection } from './json.ts';
import { randomBase58 } from './random.ts';
import type { ElectionParams, Question } from './types.ts';

export interface Election {
  /** election.json exactly as published; its hash is the fingerprint φ. */
  readonly raw: string;
  readonly params: ElectionParams;
  readonly ops: GroupOps;
  readonly fingerprint: string;
  readonly publicKey: bigint;
}

export function loadElection(raw: string): Election {
  const params = readElection(raw);
  const ops = groupOps(params.group);
  ops.fix(params.public_key);
  return { raw, params, ops, fingerprint: sha256B64(raw), publicKey: params.public_key };
}

/** A fresh election uuid: 14 base-58 characters (§4.2). */
export function generateUuid(): string {
  return randomBase58(14);
}

export function checkQuestion(q: Question): string | null {
  if (q.answers.length === 0) return 'a question needs at least one answer';
  if (!Number.isInteger(q.min) || !Number.isInteger(q.max) || q.min < 0 || q.min > q.max || q.max > q.answers.length) return 'min and max must satisfy 0 ≤ min ≤ max ≤ number of answers';
  return null;
}

export interface ElectionTemplate {
  description: string;
  name: string;
  questions: Question[];
  administrator?: string;
  credential_authority?: string;
}

/** Writes election.json for a template once the trustees' keys are combined into y. */
export function makeElection(template: ElectionTemplate, uuid: string, group: GroupName, publicKey: bigint): Election {
  for (const q of template.questions) {
    const problem = checkQuestion(q);
    if (problem) throw new Error(`${q.question}: ${problem}`);
  }
  const params: ElectionParams = { version: 1, description: template.description, name: template.name, group, public_key: publicKey, questions: template.questions, uuid };
  if (template.administrator !== undefined) params.administrator = template.administrator;
  if (template.credential_authority !== undefined) params.credential_authority = template.credential_authority;
  return loadElection(writeElection(params));
}

/** Number of ciphertexts in an answer: one per answer, plus the leading blank flag when blank is allowed. */
export const questionLength = (q: Question): number => q.answers.length + (q.blank ? 1 : 0);
