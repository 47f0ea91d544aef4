/**
 * Child process: the real Kumiai server (buildApp, permission checks on) on a
 * fresh SQLite file, seeded in one transaction (the sync triggers stamp the
 * sequence: on a fresh file, the migrations' copies, which the engine replaces
 * with its generated equivalents at buildApp), listening on 127.0.0.1 with bearer tokens for the
 * admin (scope: every document), the officer of b-rev and the notes writer.
 */
import path from 'node:path';
import { buildApp } from '@kumiai/server/src/app.ts';
import { loadConfig } from '@kumiai/server/src/config.ts';
import { openDatabase } from '@kumiai/server/src/db/database.ts';
import { TokenService } from '@kumiai/server/src/features/tokens/token-service.ts';
import { systemClock } from '@kumiai/server/src/lib/clock.ts';
import { processStatsHandlers, serveParent } from './common.ts';
import { ADMIN_ID, members, OFFICER_GRANT_ID, OFFICER_ID, REVOKE_BRANCH, units, WRITER_ID, type Layout } from './data.ts';
import { createNotesTable, notesCollection } from './notes-collection.ts';

const dataDir = process.env.BENCH_DATA_DIR!;
const layout: Layout = { docs: Number(process.env.BENCH_DOCS), revoke: Number(process.env.BENCH_REVOKE) };

const started = performance.now();
const db = openDatabase(dataDir);
createNotesTable(db);
db.transaction(() => {
  const putUnit = db.prepare('INSERT INTO units (id, parent_id, name, kind, code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0)');
  for (const u of units()) putUnit.run(u.id, u.parentId, u.name, u.kind, u.code);
  const putMember = db.prepare(
    `INSERT INTO members (id, employee_number, name, name_kana, unit_id, member_class, status, email, phone, preferred_language, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
  );
  for (const m of members(layout)) putMember.run(m.id, m.employeeNumber, m.name, m.nameKana, m.unitId, m.memberClass, m.status, m.email ?? null, m.phone ?? null, m.preferredLanguage ?? null, m.updatedAt);
  const grant = db.prepare('INSERT INTO role_grants (id, member_id, unit_id, role, created_at) VALUES (?, ?, ?, ?, 0)');
  grant.run('grant-admin', ADMIN_ID, 'u-root', 'admin');
  grant.run(OFFICER_GRANT_ID, OFFICER_ID, REVOKE_BRANCH, 'officer');
})();
const tokenService = new TokenService(db, systemClock);
const tokens = { admin: tokenService.create(ADMIN_ID, 1, 'bench').token, officer: tokenService.create(OFFICER_ID, 1, 'bench').token, writer: tokenService.create(WRITER_ID, 1, 'bench').token };
const seedMs = performance.now() - started;

const config = loadConfig({
  KUMIAI_DATA_DIR: dataDir,
  KUMIAI_HOST: '127.0.0.1',
  KUMIAI_PORT: '0',
  KUMIAI_LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error',
  KUMIAI_CLIENT_DIR: path.join(dataDir, 'no-client'),
  // Every bench client shares 127.0.0.1: the per-address caps (a defence, README "Limits") would stop the 10,000 sockets.
  KUMIAI_MAX_CONNECTIONS_PER_ADDRESS: '0',
  KUMIAI_SYNC_MAX_SOCKETS_PER_ADDRESS: '1000000',
  KUMIAI_SYNC_NEW_SOCKETS_PER_SECOND: '1000000',
  ...(process.env.KUMIAI_SYNC_POLL_MS ? { KUMIAI_SYNC_POLL_MS: process.env.KUMIAI_SYNC_POLL_MS } : {}),
});
const { app, hub } = await buildApp({ config, db, collections: [notesCollection] });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
const readyMs = performance.now() - started;

serveParent({
  ...processStatsHandlers(),
  ready: () => ({ port, tokens, seedMs, readyMs }),
  notes: (m) => ({ count: db.prepare('SELECT count(*) FROM bench_notes WHERE id LIKE ?').pluck().get(`${String(m.prefix)}%`) as number }),
  connections: () => ({ count: hub.size }),
});
process.send?.({ type: 'started' });
