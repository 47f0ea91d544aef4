// The backup copy's check, in a worker thread so the server keeps answering meanwhile
// (`PRAGMA integrity_check` reads every page: ~0.7 s for a 75 MB database). Plain JavaScript
// on purpose, like search/pdf-worker.mjs: a worker thread does not inherit a TypeScript loader.
// Gets `{ file }`, answers `{ integrity, seq, epoch, schemaVersion, uploads }` or `{ error }` once.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

try {
  const copy = new Database(workerData.file);
  try {
    // The copy of a WAL database says "WAL" in its header: make it a self-contained single file.
    copy.pragma('journal_mode = DELETE');
    const integrity = String(copy.pragma('integrity_check', { simple: true }));
    const meta = copy.prepare('SELECT seq, epoch FROM sync_meta').get();
    const schemaVersion = copy.prepare('SELECT name FROM schema_migrations ORDER BY name DESC LIMIT 1').pluck().get();
    const uploads = copy.prepare('SELECT hash FROM uploads ORDER BY hash').pluck().all();
    parentPort.postMessage({ integrity, seq: meta.seq, epoch: meta.epoch, schemaVersion, uploads });
  } finally {
    copy.close();
  }
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
