import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ApiErrorBody } from '@kumiai/shared';
import { AppError } from '../lib/errors.ts';

/**
 * The one error handler: clients get a code (to show a message in the member's
 * language) and a short detail; the log gets the full error for 5xx.
 */
export const errorPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler(async (error: FastifyError | AppError, request, reply) => {
    let body: ApiErrorBody;
    let status: number;
    if (error instanceof AppError) {
      status = error.statusCode;
      body = { error: { ...error.details, code: error.code, message: error.message } };
      if (error.retryAfterSeconds !== undefined) void reply.header('Retry-After', String(error.retryAfterSeconds));
    } else if (error.validation) {
      status = 400;
      body = { error: { code: 'validation_failed', message: error.message } };
    } else if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      status = 413;
      body = { error: { code: 'payload_too_large', message: 'The request is too large' } };
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      status = error.statusCode;
      body = { error: { code: status === 429 ? 'rate_limited' : 'bad_request', message: error.message } };
    } else {
      request.log.error({ err: error }, 'unhandled error');
      status = 500;
      body = { error: { code: 'internal', message: 'Something went wrong on the server' } };
    }
    if (status < 500) request.log.info({ code: body.error.code, detail: error.message }, 'request refused');
    return reply.status(status).send(body);
  });
});
