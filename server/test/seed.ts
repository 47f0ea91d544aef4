import type { Role } from '@kumiai/shared';
import type { Db } from '../src/db/database.ts';
import { hashPassword } from '../src/lib/crypto.ts';
import { afterEach, beforeEach } from 'vitest';
import { startTestServer, type TestServer } from './helpers.ts';

/**
 * union ─ branch A (bA) ─ workplace A1 (wA1)
 *       └ branch B (bB) ─ workplace B1 (wB1)
 */
export function seedUnits(db: Db): void {
  const put = db.prepare('INSERT INTO units (id, parent_id, name, kind, code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0)');
  put.run('u', null, 'テスト労働組合', 'union', 'U');
  put.run('bA', 'u', 'A支部', 'branch', 'BA');
  put.run('wA1', 'bA', 'A1職場', 'workplace', 'WA1');
  put.run('bB', 'u', 'B支部', 'branch', 'BB');
  put.run('wB1', 'bB', 'B1職場', 'workplace', 'WB1');
}

export const PASSWORD = 'a good long passphrase';

export async function seedMember(
  db: Db,
  m: { id: string; employeeNumber: string; unitId: string; roles?: [Role, string][]; password?: string | null; status?: string },
): Promise<void> {
  const hash = m.password === null ? null : await hashPassword(m.password ?? PASSWORD, 10);
  db.prepare('INSERT INTO members (id, employee_number, name, unit_id, status, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0)').run(
    m.id,
    m.employeeNumber,
    `名前${m.employeeNumber}`,
    m.unitId,
    m.status ?? 'active',
    hash,
  );
  for (const [role, unitId] of m.roles ?? []) {
    db.prepare('INSERT INTO role_grants (id, member_id, unit_id, role, created_at) VALUES (?, ?, ?, ?, 0)').run(`${m.id}-${role}-${unitId}`, m.id, unitId, role);
  }
}

/** The standard cast: an admin, an officer per branch, a viewer, plain members. */
export async function seedOrg(server: TestServer): Promise<void> {
  seedUnits(server.db);
  await seedMember(server.db, { id: 'admin', employeeNumber: '000001', unitId: 'u', roles: [['admin', 'u']] });
  await seedMember(server.db, { id: 'offA', employeeNumber: '000010', unitId: 'wA1', roles: [['officer', 'bA']] });
  await seedMember(server.db, { id: 'offB', employeeNumber: '000020', unitId: 'wB1', roles: [['officer', 'bB']] });
  await seedMember(server.db, { id: 'viewA', employeeNumber: '000011', unitId: 'bA', roles: [['viewer', 'bA']] });
  await seedMember(server.db, { id: 'memA', employeeNumber: '000100', unitId: 'wA1' });
  await seedMember(server.db, { id: 'memB', employeeNumber: '000200', unitId: 'wB1' });
}

/** For each test of the calling file: a fresh real server with the standard cast, closed after the test. Call `server()` inside a test. */
export function eachSeededServer(): () => TestServer {
  let current: TestServer | undefined;
  beforeEach(async () => {
    current = await startTestServer();
    await seedOrg(current);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('eachSeededServer: no server outside a test');
    return current;
  };
}

/** Signs in over HTTP and returns the headers a browser would send next. */
export async function signIn(server: TestServer, employeeNumber: string, password = PASSWORD): Promise<{ cookie: string; origin: string }> {
  const res = await server.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { employeeNumber, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  return { cookie, origin: server.config.publicUrl };
}
