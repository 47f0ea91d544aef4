import fs from 'node:fs';
import path from 'node:path';

/**
 * A server secret kept in a file of the data directory, readable by the
 * server's user only (never in the database, so a copy of the database or a
 * backup cannot use it): the VAPID private key (push), the meetings' check-in
 * key. Moved here from push/vapid-keys.ts so both use the same discipline.
 */
export interface KeyFileLogger {
  warn(obj: object, msg: string): void;
}

/** The key in `file`, or null when there is none; a file others may read is made 0600 first (and the fact logged). */
export function readKeyFile(file: string, log: KeyFileLogger, label: string): string | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if ((fs.statSync(file).mode & 0o077) !== 0) {
    fs.chmodSync(file, 0o600);
    log.warn({ file }, `the ${label} key file was readable by others: made it 0600`);
  }
  return text === '' ? null : text;
}

/**
 * Writes the key file whole or not at all, readable by the server's user only:
 * a temporary file (0600, fsynced) hard-linked to the real name, which fails
 * if another process wrote it first. Returns the key that is in the file.
 */
export function writeKeyFile(file: string, privateKey: string, log: KeyFileLogger, label: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, `${privateKey}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(tmp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.unlinkSync(tmp);
  }
  const dir = fs.openSync(path.dirname(file), 'r');
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }
  return readKeyFile(file, log, label) ?? privateKey;
}
