import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

const NAME = /^\d{8}-\d{4}-[a-z0-9-]+\.sql$/;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir: string): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((name) => {
      if (!NAME.test(name)) throw new Error(`Migration file name must look like 20261124-0001-what.sql: ${name}`);
      const sql = fs.readFileSync(path.join(dir, name), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Forward-only migrations: each file runs once, in name order, in its own
 * transaction, and is recorded with its checksum. A recorded migration that was
 * edited or deleted afterwards stops the start: migrations are never edited.
 */
export function applyMigrations(db: Database.Database, dir: string, now = Date.now()): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const applied = new Map(
    (db.prepare('SELECT name, checksum FROM schema_migrations').all() as { name: string; checksum: string }[]).map(
      (row) => [row.name, row.checksum],
    ),
  );
  const files = readMigrations(dir);
  const known = new Set(files.map((file) => file.name));
  for (const name of applied.keys()) {
    if (!known.has(name)) throw new Error(`Migration ${name} was applied to this database but is missing from ${dir}`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (name, checksum, applied_at) VALUES (?, ?, ?)');
  const ran: string[] = [];
  for (const file of files) {
    const checksum = applied.get(file.name);
    if (checksum !== undefined) {
      if (checksum !== file.checksum) throw new Error(`Migration ${file.name} was edited after it was applied`);
      continue;
    }
    db.transaction(() => {
      db.exec(file.sql);
      record.run(file.name, file.checksum, now);
    }).immediate();
    ran.push(file.name);
  }
  return ran;
}
