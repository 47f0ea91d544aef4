import type { Server } from 'node:net';
import type { TransportLimits } from '../config.ts';

/**
 * Fastify and Node server options that end slow or silent connections
 * (slowloris): headers must arrive within `headersTimeoutMs`, the whole request
 * within `requestTimeoutMs`, an idle keep-alive connection is closed after
 * `keepAliveTimeoutMs` and any connection silent for `idleTimeoutMs`. Node
 * checks the first two every `connectionsCheckingInterval`, by default only
 * every 30 s; here every second. Upgraded WebSockets are not affected (ws
 * clears the socket's timeout; sync sockets have their own limits).
 */
export function serverTimeouts(limits: TransportLimits, tls: { cert: Buffer; key: Buffer } | null): Record<string, unknown> {
  const node = { headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: 1000 };
  return {
    connectionTimeout: limits.idleTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    // https.createServer takes http.createServer's options beside the TLS ones.
    ...(tls ? { https: { ...tls, ...node } } : { http: node }),
  };
}

/**
 * At most `max` open TCP connections per client address (0: no cap): one
 * address cannot fill the descriptor table. A connection over the cap is
 * destroyed before any byte of it is read.
 */
export function capConnectionsPerAddress(server: Server, max: number): void {
  if (max <= 0) return;
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
