/** The Belenios 2.0 message structures (specification §4), with group elements and exponents as bigint. */
import type { GroupName } from './group.ts';

export interface Ciphertext {
  alpha: bigint;
  beta: bigint;
}
export interface Proof {
  challenge: bigint;
  response: bigint;
}
/** A homomorphic question (§4.9.1). */
export interface Question {
  answers: string[];
  blank?: boolean;
  min: number;
  max: number;
  question: string;
}
/** election (§4.10). */
export interface ElectionParams {
  version: 1;
  description: string;
  name: string;
  group: GroupName;
  public_key: bigint;
  questions: Question[];
  uuid: string;
  administrator?: string;
  credential_authority?: string;
}
/** answer_h (§4.11.1). */
export interface Answer {
  choices: Ciphertext[];
  individual_proofs: Proof[][];
  overall_proof: Proof[];
  blank_proof?: Proof[];
}
export interface Signature {
  hash: string;
  proof: Proof;
}
/** ballot (§4.15). */
export interface Ballot {
  election_uuid: string;
  election_hash: string;
  credential: bigint;
  answers: Answer[];
  signature?: Signature;
}
/** trustee_public_key (§4.5). */
export interface TrusteePublicKey {
  pok: Proof;
  public_key: bigint;
  name?: string;
}
/** signed_msg (§4.6.1). */
export interface SignedMsg {
  message: string;
  signature: Proof;
}
export interface EncryptedMsg {
  alpha: bigint;
  beta: bigint;
  data: string;
}
/** threshold_parameters (§4.6.7). */
export interface ThresholdParameters {
  threshold: number;
  certs: SignedMsg[];
  coefexps: SignedMsg[];
  verification_keys: TrusteePublicKey[];
}
/** trustee_kind (§4.7). */
export type TrusteeKind = { kind: 'Single'; key: TrusteePublicKey } | { kind: 'Pedersen'; params: ThresholdParameters };

/** polynomial, vinput, voutput (§4.6.4–4.6.6). */
export interface Polynomial {
  polynomial: string;
  secrets: string[];
  coefexps: SignedMsg;
}
export interface Vinput {
  polynomial: string;
  secrets: string[];
  coefexps: SignedMsg[];
}
export interface Voutput {
  private_key: string;
  public_key: TrusteePublicKey;
}

/** Encrypted tally (§4.16): one array of ciphertexts per (homomorphic) question. */
export type EncryptedTally = Ciphertext[][];
export interface SizedEncryptedTally {
  num_tallied: number;
  total_weight: bigint;
  encrypted_tally: string;
}
/** partial_decryption (§4.18). */
export interface PartialDecryption {
  decryption_factors: bigint[][];
  decryption_proofs: Proof[][];
}
export interface Owned {
  owner: number;
  payload: string;
}
export type EventType = 'Setup' | 'Ballot' | 'EndBallots' | 'EncryptedTally' | 'Shuffle' | 'EndShuffles' | 'PartialDecryption' | 'Result';
/** event (§4.4). */
export interface BelEvent {
  parent?: string;
  height: number;
  type: EventType;
  payload?: string;
}
export interface SetupData {
  election: string;
  trustees: string;
  credentials: string;
}
/** result (§4.19): per question, per answer (blank count first when blank is allowed). */
export type ElectionResult = bigint[][];
