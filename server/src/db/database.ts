import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations } from './migrate.ts';

export type Db = Database.Database;

export const DEFAULT_MIGRATIONS_DIR = path.join(import.meta.dirname, '../../migrations');

/**
 * Opens (creating if needed) the union's SQLite file with the settings every
 * process must share: WAL so the CLI can write while the server reads,
 * synchronous=FULL so an acknowledged write survives a power cut, foreign keys on.
 */
export function openDatabase(dataDir: string, migrationsDir = DEFAULT_MIGRATIONS_DIR): Db {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(path.join(dataDir, 'kumiai.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Deleted rows are overwritten with zeros, not left in free space (secret election credentials, erased members).
  db.pragma('secure_delete = ON');
  // Keep the WAL from growing without bound when long readers delay checkpoints.
  db.pragma('journal_size_limit = 67108864');
  applyMigrations(db, migrationsDir);
  return db;
}
