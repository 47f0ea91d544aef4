import type { ErrorCode } from '@kumiai/shared';

/** Errors that happen on the device, never sent by the server. */
export type ClientErrorCode = 'network_failed';
export type AnyErrorCode = ErrorCode | ClientErrorCode;
