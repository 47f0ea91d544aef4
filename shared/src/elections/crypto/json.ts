/**
 * Byte-exact JSON writers and strict readers for the Belenios 2.0 structures.
 * Field order is the specification's (§4.15: hashes are taken over compact
 * JSON with fields in the documented order); big numbers are base-10 strings
 * (§4.2). Readers reject anything out of shape with a `JsonShapeError`.
 */
import type {
  Answer,
  Ballot,
  BelEvent,
  Ciphertext,
  ElectionParams,
  EncryptedMsg,
  EncryptedTally,
  EventType,
  Owned,
  PartialDecryption,
  Proof,
  Question,
  SetupData,
  SignedMsg,
  SizedEncryptedTally,
  ThresholdParameters,
  TrusteeKind,
  TrusteePublicKey,
} from './types.ts';

export class JsonShapeError extends Error {}

/** A JSON string as OCaml's Yojson writes it (JSON.stringify, plus DEL escaped). */
export function str(s: string): string {
  return JSON.stringify(s).replace(/\x7f/g, '\\u007f');
}
const num = (x: bigint): string => `"${x.toString(10)}"`;
const list = <T>(xs: readonly T[], f: (x: T) => string): string => `[${xs.map(f).join(',')}]`;

export const writeProof = (p: Proof): string => `{"challenge":${num(p.challenge)},"response":${num(p.response)}}`;
export const writeCiphertext = (c: Ciphertext): string => `{"alpha":${num(c.alpha)},"beta":${num(c.beta)}}`;

export function writeQuestion(q: Question): string {
  const blank = q.blank === undefined ? '' : `"blank":${q.blank ? 'true' : 'false'},`;
  return `{"answers":${list(q.answers, str)},${blank}"min":${q.min},"max":${q.max},"question":${str(q.question)}}`;
}

export function writeElection(e: ElectionParams): string {
  let s = `{"version":${e.version},"description":${str(e.description)},"name":${str(e.name)},"group":${str(e.group)},"public_key":${num(e.public_key)},"questions":${list(e.questions, writeQuestion)},"uuid":${str(e.uuid)}`;
  if (e.administrator !== undefined) s += `,"administrator":${str(e.administrator)}`;
  if (e.credential_authority !== undefined) s += `,"credential_authority":${str(e.credential_authority)}`;
  return s + '}';
}

export function writeAnswer(a: Answer): string {
  let s = `{"choices":${list(a.choices, writeCiphertext)},"individual_proofs":${list(a.individual_proofs, (ps) => list(ps, writeProof))},"overall_proof":${list(a.overall_proof, writeProof)}`;
  if (a.blank_proof) s += `,"blank_proof":${list(a.blank_proof, writeProof)}`;
  return s + '}';
}

export function writeBallot(b: Ballot): string {
  let s = `{"election_uuid":${str(b.election_uuid)},"election_hash":${str(b.election_hash)},"credential":${num(b.credential)},"answers":${list(b.answers, writeAnswer)}`;
  if (b.signature) s += `,"signature":{"hash":${str(b.signature.hash)},"proof":${writeProof(b.signature.proof)}}`;
  return s + '}';
}

export function writeTrusteePublicKey(k: TrusteePublicKey): string {
  const name = k.name === undefined ? '' : `,"name":${str(k.name)}`;
  return `{"pok":${writeProof(k.pok)},"public_key":${num(k.public_key)}${name}}`;
}
export const writeSignedMsg = (m: SignedMsg): string => `{"message":${str(m.message)},"signature":${writeProof(m.signature)}}`;
export const writeEncryptedMsg = (m: EncryptedMsg): string => `{"alpha":${num(m.alpha)},"beta":${num(m.beta)},"data":${str(m.data)}}`;

export function writeThresholdParameters(t: ThresholdParameters): string {
  return `{"threshold":${t.threshold},"certs":${list(t.certs, writeSignedMsg)},"coefexps":${list(t.coefexps, writeSignedMsg)},"verification_keys":${list(t.verification_keys, writeTrusteePublicKey)}}`;
}
export function writeTrustees(ts: readonly TrusteeKind[]): string {
  return list(ts, (t) => (t.kind === 'Single' ? `["Single",${writeTrusteePublicKey(t.key)}]` : `["Pedersen",${writeThresholdParameters(t.params)}]`));
}

export const writePublicCredentials = (creds: readonly string[]): string => list(creds, str);
export const writeEncryptedTally = (t: EncryptedTally): string => list(t, (q) => list(q, writeCiphertext));
export function writeWeight(w: bigint): string {
  return w <= 1073741823n ? w.toString(10) : num(w);
}
export const writeSizedEncryptedTally = (s: SizedEncryptedTally): string =>
  `{"num_tallied":${s.num_tallied},"total_weight":${writeWeight(s.total_weight)},"encrypted_tally":${str(s.encrypted_tally)}}`;
export const writePartialDecryption = (pd: PartialDecryption): string =>
  `{"decryption_factors":${list(pd.decryption_factors, (q) => list(q, num))},"decryption_proofs":${list(pd.decryption_proofs, (q) => list(q, writeProof))}}`;
export const writeOwned = (o: Owned): string => `{"owner":${o.owner},"payload":${str(o.payload)}}`;
export const writeResult = (r: readonly (readonly bigint[])[]): string => `{"result":${list(r, (q) => list(q, writeWeight))}}`;
export const writeSetupData = (s: SetupData): string => `{"election":${str(s.election)},"trustees":${str(s.trustees)},"credentials":${str(s.credentials)}}`;
export function writeEvent(e: BelEvent): string {
  let s = '{';
  if (e.parent !== undefined) s += `"parent":${str(e.parent)},`;
  s += `"height":${e.height},"type":${str(e.type)}`;
  if (e.payload !== undefined) s += `,"payload":${str(e.payload)}`;
  return s + '}';
}
export const writeArchiveHeader = (timestamp: bigint): string => `{"version":1,"timestamp":"${timestamp.toString(10)}"}`;

// ---- readers -------------------------------------------------------------

type Obj = Record<string, unknown>;

export function parseJson(s: string, what: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    throw new JsonShapeError(`${what}: not JSON`);
  }
}
function obj(x: unknown, what: string): Obj {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new JsonShapeError(`${what}: object expected`);
  return x as Obj;
}
function arr(x: unknown, what: string): unknown[] {
  if (!Array.isArray(x)) throw new JsonShapeError(`${what}: array expected`);
  return x;
}
function string(x: unknown, what: string): string {
  if (typeof x !== 'string') throw new JsonShapeError(`${what}: string expected`);
  return x;
}
function int(x: unknown, what: string): number {
  if (typeof x !== 'number' || !Number.isSafeInteger(x)) throw new JsonShapeError(`${what}: integer expected`);
  return x;
}
/** A base-10 big number in a JSON string (§4.2); only digits, as Belenios reads them back. */
export function bignum(x: unknown, what: string): bigint {
  const s = string(x, what);
  if (!/^(0|[1-9][0-9]*)$/.test(s)) throw new JsonShapeError(`${what}: decimal number expected`);
  return BigInt(s);
}
function hashHex(x: unknown, what: string): string {
  const s = string(x, what);
  if (!/^[0-9a-f]{64}$/.test(s)) throw new JsonShapeError(`${what}: hex hash expected`);
  return s;
}
export function readWeight(x: unknown, what: string): bigint {
  if (typeof x === 'number') return BigInt(int(x, what));
  return bignum(x, what);
}

export const readProof = (x: unknown, what = 'proof'): Proof => {
  const o = obj(x, what);
  return { challenge: bignum(o.challenge, `${what}.challenge`), response: bignum(o.response, `${what}.response`) };
};
const readProofs = (x: unknown, what: string): Proof[] => arr(x, what).map((p, i) => readProof(p, `${what}[${i}]`));
export const readCiphertext = (x: unknown, what = 'ciphertext'): Ciphertext => {
  const o = obj(x, what);
  return { alpha: bignum(o.alpha, `${what}.alpha`), beta: bignum(o.beta, `${what}.beta`) };
};

export function readQuestion(x: unknown, what = 'question'): Question {
  const o = obj(x, what);
  if ('type' in o) throw new JsonShapeError(`${what}: non-homomorphic questions are not supported`);
  const q: Question = {
    answers: arr(o.answers, `${what}.answers`).map((a, i) => string(a, `${what}.answers[${i}]`)),
    min: int(o.min, `${what}.min`),
    max: int(o.max, `${what}.max`),
    question: string(o.question, `${what}.question`),
  };
  if (o.blank !== undefined) {
    if (typeof o.blank !== 'boolean') throw new JsonShapeError(`${what}.blank: boolean expected`);
    q.blank = o.blank;
  }
  return q;
}

export function readElection(raw: string): ElectionParams {
  const o = obj(parseJson(raw, 'election'), 'election');
  if (o.version !== 1) throw new JsonShapeError('election.version: 1 expected');
  const group = string(o.group, 'election.group');
  if (group !== 'BELENIOS-2048' && group !== 'RFC-3526-2048') throw new JsonShapeError(`election.group: unknown group ${group}`);
  const e: ElectionParams = {
    version: 1,
    description: string(o.description, 'election.description'),
    name: string(o.name, 'election.name'),
    group,
    public_key: bignum(o.public_key, 'election.public_key'),
    questions: arr(o.questions, 'election.questions').map((q, i) => readQuestion(q, `election.questions[${i}]`)),
    uuid: string(o.uuid, 'election.uuid'),
  };
  if (o.administrator !== undefined) e.administrator = string(o.administrator, 'election.administrator');
  if (o.credential_authority !== undefined) e.credential_authority = string(o.credential_authority, 'election.credential_authority');
  return e;
}

export function readAnswer(x: unknown, what: string): Answer {
  const o = obj(x, what);
  const a: Answer = {
    choices: arr(o.choices, `${what}.choices`).map((c, i) => readCiphertext(c, `${what}.choices[${i}]`)),
    individual_proofs: arr(o.individual_proofs, `${what}.individual_proofs`).map((p, i) => readProofs(p, `${what}.individual_proofs[${i}]`)),
    overall_proof: readProofs(o.overall_proof, `${what}.overall_proof`),
  };
  if (o.blank_proof !== undefined) a.blank_proof = readProofs(o.blank_proof, `${what}.blank_proof`);
  return a;
}

export function readBallot(raw: string): Ballot {
  const o = obj(parseJson(raw, 'ballot'), 'ballot');
  const b: Ballot = {
    election_uuid: string(o.election_uuid, 'ballot.election_uuid'),
    election_hash: string(o.election_hash, 'ballot.election_hash'),
    credential: bignum(o.credential, 'ballot.credential'),
    answers: arr(o.answers, 'ballot.answers').map((a, i) => readAnswer(a, `ballot.answers[${i}]`)),
  };
  if (o.signature !== undefined) {
    const s = obj(o.signature, 'ballot.signature');
    b.signature = { hash: string(s.hash, 'ballot.signature.hash'), proof: readProof(s.proof, 'ballot.signature.proof') };
  }
  return b;
}

export function readTrusteePublicKey(x: unknown, what = 'trustee_public_key'): TrusteePublicKey {
  const o = obj(x, what);
  const k: TrusteePublicKey = { pok: readProof(o.pok, `${what}.pok`), public_key: bignum(o.public_key, `${what}.public_key`) };
  if (o.name !== undefined) k.name = string(o.name, `${what}.name`);
  return k;
}
export function readSignedMsg(x: unknown, what = 'signed_msg'): SignedMsg {
  const o = obj(x, what);
  return { message: string(o.message, `${what}.message`), signature: readProof(o.signature, `${what}.signature`) };
}
export function readEncryptedMsg(raw: string): EncryptedMsg {
  const o = obj(parseJson(raw, 'encrypted_msg'), 'encrypted_msg');
  return { alpha: bignum(o.alpha, 'encrypted_msg.alpha'), beta: bignum(o.beta, 'encrypted_msg.beta'), data: string(o.data, 'encrypted_msg.data') };
}
export function readTrustees(raw: string): TrusteeKind[] {
  return arr(parseJson(raw, 'trustees'), 'trustees').map((x, i) => {
    const what = `trustees[${i}]`;
    const pair = arr(x, what);
    if (pair.length !== 2) throw new JsonShapeError(`${what}: [kind, value] expected`);
    if (pair[0] === 'Single') return { kind: 'Single', key: readTrusteePublicKey(pair[1], `${what}.Single`) };
    if (pair[0] !== 'Pedersen') throw new JsonShapeError(`${what}: Single or Pedersen expected`);
    const o = obj(pair[1], `${what}.Pedersen`);
    return {
      kind: 'Pedersen',
      params: {
        threshold: int(o.threshold, `${what}.threshold`),
        certs: arr(o.certs, `${what}.certs`).map((c, j) => readSignedMsg(c, `${what}.certs[${j}]`)),
        coefexps: arr(o.coefexps, `${what}.coefexps`).map((c, j) => readSignedMsg(c, `${what}.coefexps[${j}]`)),
        verification_keys: arr(o.verification_keys, `${what}.verification_keys`).map((k, j) => readTrusteePublicKey(k, `${what}.verification_keys[${j}]`)),
      },
    };
  });
}
export function readStringList(raw: string, what: string): string[] {
  return arr(parseJson(raw, what), what).map((s, i) => string(s, `${what}[${i}]`));
}
export function readBignumList(x: unknown, what: string): bigint[] {
  return arr(x, what).map((s, i) => bignum(s, `${what}[${i}]`));
}
export function readEncryptedTally(raw: string): EncryptedTally {
  return arr(parseJson(raw, 'encrypted_tally'), 'encrypted_tally').map((q, i) => arr(q, `encrypted_tally[${i}]`).map((c, j) => readCiphertext(c, `encrypted_tally[${i}][${j}]`)));
}
export function readSizedEncryptedTally(raw: string): SizedEncryptedTally {
  const o = obj(parseJson(raw, 'sized_encrypted_tally'), 'sized_encrypted_tally');
  return {
    num_tallied: int(o.num_tallied, 'num_tallied'),
    total_weight: readWeight(o.total_weight, 'total_weight'),
    encrypted_tally: hashHex(o.encrypted_tally, 'encrypted_tally'),
  };
}
export function readPartialDecryption(raw: string): PartialDecryption {
  const o = obj(parseJson(raw, 'partial_decryption'), 'partial_decryption');
  return {
    decryption_factors: arr(o.decryption_factors, 'decryption_factors').map((q, i) => readBignumList(q, `decryption_factors[${i}]`)),
    decryption_proofs: arr(o.decryption_proofs, 'decryption_proofs').map((q, i) => readProofs(q, `decryption_proofs[${i}]`)),
  };
}
export function readOwned(raw: string): Owned {
  const o = obj(parseJson(raw, 'owned'), 'owned');
  return { owner: int(o.owner, 'owned.owner'), payload: hashHex(o.payload, 'owned.payload') };
}
export function readResult(raw: string): bigint[][] {
  const o = obj(parseJson(raw, 'result'), 'result');
  return arr(o.result, 'result.result').map((q, i) => arr(q, `result[${i}]`).map((w, j) => readWeight(w, `result[${i}][${j}]`)));
}
export function readSetupData(raw: string): SetupData {
  const o = obj(parseJson(raw, 'setup_data'), 'setup_data');
  return { election: hashHex(o.election, 'setup_data.election'), trustees: hashHex(o.trustees, 'setup_data.trustees'), credentials: hashHex(o.credentials, 'setup_data.credentials') };
}
const EVENT_TYPES: readonly EventType[] = ['Setup', 'Ballot', 'EndBallots', 'EncryptedTally', 'Shuffle', 'EndShuffles', 'PartialDecryption', 'Result'];
export function readEvent(raw: string): BelEvent {
  const o = obj(parseJson(raw, 'event'), 'event');
  const type = string(o.type, 'event.type') as EventType;
  if (!EVENT_TYPES.includes(type)) throw new JsonShapeError(`event.type: unknown ${type}`);
  const e: BelEvent = { height: int(o.height, 'event.height'), type };
  if (o.parent !== undefined) e.parent = hashHex(o.parent, 'event.parent');
  if (o.payload !== undefined) e.payload = hashHex(o.payload, 'event.payload');
  return e;
}
export function readArchiveHeader(raw: string): { version: number; timestamp: bigint } {
  const o = obj(parseJson(raw, 'archive header'), 'archive header');
  const t = o.timestamp;
  const timestamp = typeof t === 'number' ? BigInt(int(t, 'timestamp')) : bignum(t, 'timestamp');
  return { version: int(o.version, 'version'), timestamp };
}
/** JSON objects/arrays as read, for shape-preserving helpers (readers above). */
export { obj as readObject, arr as readArray, string as readString, int as readInt };
