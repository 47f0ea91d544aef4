import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_DIR, openDatabase } from '../src/db/database.ts';
import { tempDir } from './helpers.ts';

describe('database', () => {
  it('opens in WAL mode with synchronous=FULL and foreign keys on, and records migrations', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const names = (db.prepare('SELECT name FROM schema_migrations ORDER BY name').all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(fs.readdirSync(DEFAULT_MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort());
    expect(() => db.prepare("INSERT INTO members (id, employee_number, name, unit_id, created_at, updated_at) VALUES ('m', '1', 'n', 'no-such-unit', 0, 0)").run()).toThrow(/FOREIGN KEY/);
    db.close();
    // Reopening applies nothing twice.
    const again = openDatabase(dir);
    expect(again.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: names.length });
    again.close();
  });

  it('applies only new migrations and refuses an edited one', () => {
    const dir = tempDir();
    const migrations = tempDir('kumiai-migrations-');
    fs.writeFileSync(path.join(migrations, '20260101-0001-a.sql'), 'CREATE TABLE a (x INTEGER);');
    openDatabase(dir, migrations).close();
    fs.writeFileSync(path.join(migrations, '20260102-0001-b.sql'), 'CREATE TABLE b (y INTEGER);');
    const db = openDatabase(dir, migrations);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('a', 'b') ORDER BY name").all()).toEqual([
      { name: 'a' },
      { name: 'b' },
    ]);
    db.close();
    fs.writeFileSync(path.join(migrations, '20260101-0001-a.sql'), 'CREATE TABLE a (x INTEGER, z TEXT);');
    expect(() => openDatabase(dir, migrations)).toThrow(/edited after it was applied/);
  });

  it('rolls back a failing migration entirely', () => {
    const dir = tempDir();
    const migrations = tempDir('kumiai-migrations-');
    fs.writeFileSync(path.join(migrations, '20260101-0001-bad.sql'), 'CREATE TABLE c (x INTEGER); SELECT * FROM missing_table;');
    expect(() => openDatabase(dir, migrations)).toThrow(/no such table/);
    fs.rmSync(path.join(migrations, '20260101-0001-bad.sql'));
    const db = openDatabase(dir, migrations);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'c'").get()).toBeUndefined();
    db.close();
  });
});
