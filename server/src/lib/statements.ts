import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database.ts';

/**
 * A repository's statements, each prepared the first time it is used and kept
 * for the repository's life (preparing parses and plans the SQL every time).
 * Lazy, so a repository can be built before the tables it reads are migrated.
 */
export function statementCache(db: Db): (sql: string) => Statement {
  const prepared = new Map<string, Statement>();
  return (sql) => {
    let statement = prepared.get(sql);
    if (!statement) prepared.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
}

/** A repository: its SQL, each statement prepared once (`this.sql(...)`). */
export abstract class Repository {
  protected readonly sql: (sql: string) => Statement;

  constructor(protected readonly db: Db) {
    this.sql = statementCache(db);
  }
}
