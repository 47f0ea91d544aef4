import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { SYNC_CLOSE } from '@kumiai/shared';
import { AppError } from '../lib/errors.ts';
import { isOwnOrigin } from '../plugins/csrf.ts';
import type { SyncHub } from './hub.ts';
import type { Principals } from './principal.ts';

/**
 * GET /api/sync upgrades to the sync WebSocket. Browsers are authenticated by
 * their session cookie at the upgrade, and only from our own Origin,
 * `KUMIAI_PUBLIC_URL`'s (a page elsewhere cannot ride the member's cookie, and
 * a forged Host header changes nothing); other clients send a bearer token in
 * an `auth` message. Each address may hold only so many sockets open.
 */
export const syncRoutes = fp(async (app: FastifyInstance, opts: { hub: SyncHub; principals: Principals; sessionCookie: string; publicUrl: string }) => {
  await app.register(websocket, {
    // A hard ceiling well above the soft limit, which is answered with an error reply instead of a dropped socket.
    options: { maxPayload: opts.hub.frameCeiling },
  });
  const publicOrigin = new URL(opts.publicUrl).origin;

  app.get(
    '/api/sync',
    {
      websocket: true,
      // Authentication happens on the socket (cookie here, or a bearer `auth` message).
      config: { access: 'public' },
      preValidation: async (request) => {
        const origin = request.headers.origin;
        if (origin !== undefined && !isOwnOrigin(origin, publicOrigin)) {
          throw new AppError('csrf_rejected', 403, `WebSocket from ${origin} refused`);
        }
        const admission = opts.hub.admit(request.ip);
        if (admission === 'too_many') throw new AppError('rate_limited', 429, `At most ${opts.hub.options.maxSocketsPerAddress} sync sockets per address`, 10);
        if (admission === 'too_fast') throw new AppError('rate_limited', 429, `At most ${opts.hub.options.newSocketsPerSecond} new sync sockets a second per address`, 2);
      },
    },
    (socket, request) => {
      const cookie = request.cookies[opts.sessionCookie];
      const session = cookie ? opts.principals.bySession(cookie) : null;
      if (cookie && !session) {
        // A browser whose session ended (revoked, expired) is told at once: sign in again, keep the waiting writes.
        socket.close(SYNC_CLOSE.unauthenticated, 'session ended');
        return;
      }
      opts.hub.accept(socket, session, request.ip);
    },
  );

  app.addHook('preClose', async () => {
    opts.hub.stop();
  });
});
