import type { TestServer } from '../helpers.ts';
import { seedMember, seedOrg, signIn } from '../seed.ts';

export type Headers = { cookie: string; origin: string };

/** The standard cast plus treasurers: treasA on branch A, treasU on the union. */
export async function seedDues(server: TestServer): Promise<{ admin: Headers; treasA: Headers }> {
  await seedOrg(server);
  await seedMember(server.db, { id: 'treasA', employeeNumber: '000030', unitId: 'wA1', roles: [['treasurer', 'bA']] });
  return { admin: await signIn(server, '000001'), treasA: await signIn(server, '000030') };
}

/** Plain members without passwords, inserted in one transaction (hashing 10,000 passwords would take minutes). */
export function bulkMembers(server: TestServer, count: number, unitOf: (i: number) => string, classOf: (i: number) => string = () => 'regular'): string[] {
  const put = server.db.prepare("INSERT INTO members (id, employee_number, name, unit_id, member_class, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'active', 0, 0)");
  const numbers: string[] = [];
  server.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const no = `E${String(i).padStart(6, '0')}`;
      put.run(`m${i}`, no, `組合員${i}`, unitOf(i), classOf(i));
      numbers.push(no);
    }
  })();
  return numbers;
}

export const upload = (server: TestServer, headers: Headers, query: string, body: Buffer | string) =>
  server.app.inject({ method: 'POST', url: `/api/dues/checkoff?${query}`, headers: { ...headers, 'content-type': 'text/csv' }, payload: typeof body === 'string' ? Buffer.from(body) : body });

export const flatRule = async (server: TestServer, headers: Headers, amount: number, from = '2026-01', memberClass = 'regular') => {
  const res = await server.app.inject({ method: 'POST', url: '/api/dues/rules', headers, payload: { memberClass, from, formula: { kind: 'flat', amount } } });
  if (res.statusCode !== 200) throw new Error(`rule: ${res.statusCode} ${res.body}`);
};

export const csvOf = (header: string, lines: string[]) => `\ufeff${[header, ...lines].join('\r\n')}\r\n`;
