/**
 * Known answers from belenios-tool 2.0 (fixtures/belenios, see its README):
 * our hashing, JSON encodings, key derivations, channel encryption, tar layout
 * and proofs must agree with the reference byte for byte.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ArchiveBuilder,
  checkChain,
  checkPartialDecryption,
  checkTrustees,
  combineKeys,
  isValidSecretCredential,
  loadElection,
  parseArchive,
  partialDecrypt,
  publicCredential,
  readBallot,
  readEncryptedTally,
  readEvent,
  readOwned,
  readPartialDecryption,
  readSetupData,
  readSizedEncryptedTally,
  readStringList,
  readTrustees,
  recoverDecryptionKey,
  sha256B64,
  verifyArchive,
  verifyBallot,
  writeBallot,
} from '@kumiai/shared/elections/crypto/index';

const dir = path.join(import.meta.dirname, 'fixtures/belenios');
const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
const bytes = new Uint8Array(fs.readFileSync(path.join(dir, 'demo-threshold.bel')));
const archive = parseArchive(bytes);
const byHash = new Map(archive.records.map((r) => [r.hash, r.content]));
const events = archive.records.filter((r) => r.kind === 'event').map((r) => readEvent(r.content));
const setup = readSetupData(byHash.get(events[0]!.payload!)!);
const election = loadElection(byHash.get(setup.election)!);
const trustees = readTrustees(byHash.get(setup.trustees)!);
const ballots = events.filter((e) => e.type === 'Ballot').map((e) => byHash.get(e.payload!)!);

describe('known answers from belenios-tool 2.0', () => {
  it('re-creates the archive byte for byte with our tar writer and event chain', () => {
    const b = new ArchiveBuilder(archive.timestamp);
    for (const r of archive.records) {
      if (r.kind === 'data') b.data(r.content);
      else {
        const e = readEvent(r.content);
        expect(b.event(e.type, e.payload)).toBe(r.hash);
      }
    }
    expect(Buffer.from(b.bytes()).equals(Buffer.from(bytes))).toBe(true);
    expect(checkChain(archive).events).toHaveLength(13);
  });

  it('hashes election.json to the fingerprint every ballot carries (H_JSON, §4.15)', () => {
    expect(election.fingerprint).toBe('HEkXDcPbYYHdu+GEN41gV4BuctCZ/h+zbvRzICPRTKE');
    expect(sha256B64('')).toBe('47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU');
    for (const raw of ballots) expect(readBallot(raw).election_hash).toBe(election.fingerprint);
  });

  it('reads and re-writes every ballot byte for byte, and verifies its signature and proofs', () => {
    expect(ballots).toHaveLength(5);
    for (const raw of ballots) {
      expect(writeBallot(readBallot(raw))).toBe(raw);
      expect(verifyBallot(election, raw)).toMatchObject({ ok: true });
    }
  });

  it('derives belenios-tool’s public credentials from the secret ones (checksum, PBKDF2, g^s)', () => {
    const pub = new Set(readStringList(byHash.get(setup.credentials)!, 'creds'));
    const secrets = read('private_creds.txt').trim().split('\n').map((l) => l.split(' ')[1]!);
    for (const c of secrets) {
      expect(isValidSecretCredential(c)).toBe(true);
      expect(pub.has(publicCredential(election.ops, election.params.uuid, c).toString())).toBe(true);
    }
    const typo = secrets[0]!.slice(0, 5) + (secrets[0]![5] === 'a' ? 'b' : 'a') + secrets[0]!.slice(6);
    expect(isValidSecretCredential(typo)).toBe(false);
  });

  it('checks the trustees structure and combines it into the election key', () => {
    expect(trustees.map((t) => t.kind)).toEqual(['Single', 'Pedersen']);
    expect(checkTrustees(election.ops, trustees)).toBeNull();
    expect(combineKeys(election.ops, trustees)).toBe(election.publicKey);
  });

  it('opens a threshold trustee’s encrypted key (ElGamal + AES-CCM channel) with its seed', () => {
    const x = recoverDecryptionKey(election.ops, read('trustee1.key').trim(), read('trustee1.dkey').trim());
    const vo = JSON.parse(read('trustee1.voutput')) as { public_key: { public_key: string } };
    expect(election.ops.gPow(x).toString()).toBe(vo.public_key.public_key);
    const pedersen = trustees[1]!;
    expect(pedersen.kind === 'Pedersen' && pedersen.params.verification_keys.some((k) => k.public_key === election.ops.gPow(x))).toBe(true);
  });

  it('computes the same decryption factors as belenios-tool with the server key, with a proof that verifies', () => {
    const sized = readSizedEncryptedTally(byHash.get(events.find((e) => e.type === 'EncryptedTally')!.payload!)!);
    const tally = readEncryptedTally(byHash.get(sized.encrypted_tally)!);
    const x = BigInt(read('server.privkey').trim().replace(/"/g, ''));
    const ours = partialDecrypt(election, tally, x);
    const theirs = events
      .filter((e) => e.type === 'PartialDecryption')
      .map((e) => readOwned(byHash.get(e.payload!)!))
      .find((o) => o.owner === 1)!;
    expect(ours.decryption_factors).toEqual(readPartialDecryption(byHash.get(theirs.payload)!).decryption_factors);
    const single = trustees[0]!;
    expect(single.kind === 'Single' && checkPartialDecryption(election, tally, single.key.public_key, ours)).toBeNull();
  });

  it('verifies the whole archive and reads the result belenios-tool computed', () => {
    const report = verifyArchive(bytes);
    expect(report.failure).toBeUndefined();
    expect(report.ok).toBe(true);
    expect(report.result?.map((q) => q.map(Number))).toEqual([
      [3, 1],
      [2, 2, 1],
    ]);
    expect(report.passed).toHaveLength(12);
  });
});
