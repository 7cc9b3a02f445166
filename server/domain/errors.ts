import type { ErrorCode } from '../../protocol/index.js';

/** The one error type the domain throws; edges map `code` to an HTTP status or an ack. */
export class ParleyError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ParleyError';
  }
}

export const notFound = (what: string) => new ParleyError('not_found', `${what} not found`);
