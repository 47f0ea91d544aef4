/**
 * Child process: many raw `ws` clients speaking the sync protocol (RxDB's free
 * edition cannot run thousands of databases). Each socket authenticates with a
 * bearer token, subscribes to the members stream and makes one pull, whose
 * reply proves the server has handled the first two. Receipt times of a
 * marked change are taken with a cheap byte search, not a JSON parse.
 */
import WebSocket from 'ws';
import { now, serveParent, sleep, waitUntil } from './common.ts';

let sockets: WebSocket[] = [];
let marker: Buffer | null = null;
let got: Float64Array = new Float64Array(0);
let received = 0;

function openOne(url: string, index: number, token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const fail = (error: Error) => reject(error);
    ws.once('error', fail);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('open', () => {
      ws.send(JSON.stringify({ id: 'a', collection: 'members', method: 'auth', params: [{ Authorization: `Bearer ${token}` }] }));
      ws.send('{"id":"stream","collection":"members","method":"masterChangeStream$","params":[]}');
      ws.send('{"id":"p","collection":"members","method":"masterChangesSince","params":[null,1]}');
    });
    ws.on('message', (data: Buffer) => {
      if (marker && got[index] === 0 && data.indexOf(marker) >= 0) {
        got[index] = now();
        received += 1;
      } else if (data.length < 4096 && data.indexOf('"id":"p"') >= 0) {
        ws.off('error', fail);
        ws.on('error', () => undefined);
        if (data.indexOf('"error"') >= 0) reject(new Error(`first pull refused: ${data.toString().slice(0, 200)}`));
        else resolve(ws);
      }
    });
  });
}

serveParent({
  open: async (m) => {
    const url = String(m.url);
    const n = Number(m.n);
    const token = typeof m.token === 'string' ? m.token : 'bench';
    const concurrency = Number(m.concurrency ?? 100);
    const started = now();
    const opened: WebSocket[] = new Array<WebSocket>(n);
    let next = 0;
    got = new Float64Array(n);
    await Promise.all(
      Array.from({ length: Math.min(concurrency, n) }, async () => {
        while (next < n) {
          const i = next++;
          opened[i] = await openOne(url, i, token);
        }
      }),
    );
    sockets = opened;
    return { opened: sockets.length, ms: now() - started };
  },
  arm: (m) => {
    marker = Buffer.from(String(m.marker));
    got = new Float64Array(sockets.length);
    received = 0;
    return {};
  },
  collect: async (m) => {
    const timeoutMs = Number(m.timeoutMs ?? 5000);
    try {
      await waitUntil(() => received >= sockets.length, timeoutMs, 'fan-out receipts', 2);
    } catch {
      // Report what arrived; the parent counts the missing.
    }
    marker = null;
    return { times: Array.from(got).filter((t) => t > 0), expected: sockets.length };
  },
  close: async () => {
    for (const ws of sockets) ws.terminate();
    sockets = [];
    await sleep(200);
    return {};
  },
});
process.send?.({ type: 'started' });
