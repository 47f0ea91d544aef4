/**
 * Prints how long a kiosk takes to answer PIN sign-ins of each kind, at the
 * production scrypt cost, through the real HTTP server: a member of another
 * workplace (right or wrong PIN) and an unknown number must cost what a wrong
 * PIN of the kiosk's own member costs (a dummy hash of the same cost is checked).
 *
 *   node --import tsx server/test/timing/kiosk-pin-timing.ts [samples=15]
 *
 * A figure, not a test: timing depends on the machine and its load.
 */
import { hashPassword } from '../../src/lib/crypto.ts';
import { httpSignIn, request, startHttpServer } from '../http-client.ts';
import { PASSWORD, seedOrg } from '../seed.ts';

const SAMPLES = Number(process.argv[2] ?? 15);
const LOG_N = 17;
const PIN = '4821';

const server = await startHttpServer({ KUMIAI_SCRYPT_LOG_N: String(LOG_N) });
try {
  await seedOrg(server);
  const pinHash = await hashPassword(PIN, LOG_N);
  server.db.prepare("UPDATE members SET pin_hash = ? WHERE id IN ('memA', 'memB')").run(pinHash);
  const officer = await httpSignIn(server, '000010', PASSWORD);
  const res = await request(server, '/api/kiosks', { headers: officer, json: { unitId: 'wA1', name: 'timing' } });
  const kiosk = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('__Host-kumiai_kiosk='))!.split(';')[0]!;

  const kinds = {
    'own member, wrong PIN': ['000100', '0000'],
    'other workplace, right PIN': ['000200', PIN],
    'other workplace, wrong PIN': ['000200', '0000'],
    'unknown number': ['999999', PIN],
  } as const;
  const times = new Map<string, number[]>(Object.keys(kinds).map((k) => [k, []]));
  const codes = new Map<string, Set<string>>(Object.keys(kinds).map((k) => [k, new Set()]));
  let peer = 0;
  // Interleaved, each attempt from its own loopback address so the throttle never answers instead.
  for (let i = 0; i < SAMPLES; i++) {
    for (const [kind, [employeeNumber, pin]] of Object.entries(kinds)) {
      peer += 1;
      const started = process.hrtime.bigint();
      const answer = await request(server, '/api/kiosk/sign-in', {
        headers: { cookie: kiosk, origin: server.config.publicUrl },
        json: { employeeNumber, pin },
        localAddress: `127.0.${Math.floor(peer / 250)}.${(peer % 250) + 2}`,
      });
      times.get(kind)!.push(Number(process.hrtime.bigint() - started) / 1e6);
      codes.get(kind)!.add(`${answer.status} ${answer.json<{ error?: { code: string } }>().error?.code ?? 'ok'}`);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`kiosk PIN sign-in, scrypt log2 N = ${LOG_N}, ${SAMPLES} samples each`);
  for (const [kind, xs] of times) {
    console.log(`${kind.padEnd(28)} median ${median(xs).toFixed(1).padStart(7)} ms   min ${Math.min(...xs).toFixed(1).padStart(7)} ms   answers: ${[...codes.get(kind)!].join(', ')}`);
  }
} finally {
  await server.close();
}
