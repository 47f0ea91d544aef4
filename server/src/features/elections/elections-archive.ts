import { ArchiveBuilder, writeOwned, writeSetupData, writeSizedEncryptedTally } from '@kumiai/shared/elections/crypto/index';
import type { ElectionRow, ElectionsRepo } from './elections-repo.ts';

/**
 * The public record (`.bel`, Belenios §4.4) from what the server keeps:
 * Setup (election, trustees, public credentials), every ballot in cast order
 * (revotes included), then, once tallied, EndBallots, the encrypted tally, the
 * partial decryptions in the order they came, and the result. Accepted by
 * `pnpm kumiai election verify` and `belenios-tool election verify`.
 */
export function buildArchive(repo: ElectionsRepo, row: ElectionRow): Uint8Array {
  if (!row.election_json || !row.trustees_json || !row.credentials_json || row.opened_at === null) throw new Error('election not opened');
  const archive = new ArchiveBuilder(BigInt(Math.floor(row.opened_at / 1000)));
  const setup = { election: archive.data(row.election_json), trustees: archive.data(row.trustees_json), credentials: archive.data(row.credentials_json) };
  archive.event('Setup', archive.data(writeSetupData(setup)));
  for (const ballot of repo.ballots(row.id)) archive.event('Ballot', archive.data(ballot));
  if (row.encrypted_tally === null) return archive.bytes();
  archive.event('EndBallots');
  const tally = archive.data(row.encrypted_tally);
  archive.event('EncryptedTally', archive.data(writeSizedEncryptedTally({ num_tallied: row.num_tallied ?? 0, total_weight: BigInt(row.total_weight ?? 0), encrypted_tally: tally })));
  for (const d of repo.decryptions(row.id)) archive.event('PartialDecryption', archive.data(writeOwned({ owner: d.idx, payload: archive.data(d.decryption) })));
  if (row.result !== null) archive.event('Result', archive.data(row.result));
  return archive.bytes();
}
