import { createECDH } from 'node:crypto';
import webpush from 'web-push';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';
import { readKeyFile, writeKeyFile, type KeyFileLogger } from '../../lib/key-file.ts';

type Logger = KeyFileLogger;

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/** The public key (base64url, uncompressed P-256 point) of a VAPID private key. */
function publicOf(privateKey: string): string {
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(Buffer.from(privateKey, 'base64url'));
  return ecdh.getPublicKey().toString('base64url');
}

/**
 * Removes the private key from the database, so a copy of the database (a
 * backup, a leaked file) cannot sign pushes. `secure_delete` makes SQLite
 * overwrite the freed bytes instead of leaving them in the page, and the
 * TRUNCATE checkpoint copies the page into the database file and empties the
 * WAL, where the old page would otherwise linger.
 */
function scrubDatabase(db: Db): void {
  db.pragma('secure_delete = ON');
  db.prepare("UPDATE push_vapid SET private_key = '' WHERE id = 1").run();
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * The server's VAPID key pair. The private key lives in `keyFile` (0600, in
 * the data directory), the public one in the database (it is no secret).
 * A database from before this layout has the private key in `push_vapid`: it
 * is moved to the file and scrubbed from the database, once, on start. A
 * missing key file with a database that knows a public key means the key is
 * lost: a new pair is made and the old subscriptions (bound to the old public
 * key) are deleted, so browsers subscribe again.
 */
export function loadVapidKeys(db: Db, keyFile: string, clock: Clock, log: Logger): VapidKeys {
  const row = db.prepare('SELECT public_key, private_key FROM push_vapid WHERE id = 1').get() as { public_key: string; private_key: string } | undefined;
  let privateKey = readKeyFile(keyFile, log, 'VAPID');
  if (row && row.private_key !== '') {
    // A key file left by a move that stopped before the scrub is the same key; otherwise the database's key moves out.
    if (privateKey === null) privateKey = writeKeyFile(keyFile, row.private_key, log, 'VAPID');
    scrubDatabase(db);
  }
  if (privateKey === null) privateKey = writeKeyFile(keyFile, webpush.generateVAPIDKeys().privateKey, log, 'VAPID');
  const publicKey = publicOf(privateKey);
  if (!row) {
    db.prepare("INSERT OR IGNORE INTO push_vapid (id, public_key, private_key, created_at) VALUES (1, ?, '', ?)").run(publicKey, clock.now());
  } else if (row.public_key !== publicKey) {
    log.warn({ file: keyFile }, 'the VAPID key file was missing or replaced: a new key pair, existing push subscriptions are dropped');
    db.transaction(() => {
      db.prepare('UPDATE push_vapid SET public_key = ?, created_at = ? WHERE id = 1').run(publicKey, clock.now());
      db.prepare('DELETE FROM push_subscriptions').run();
    })();
  }
  return { publicKey, privateKey };
}
