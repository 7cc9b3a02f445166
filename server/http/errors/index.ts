/**
 * The one place errors become HTTP: `{ error: { code, message } }` with the
 * status of ERROR_STATUS. Unknown errors are logged and answered as `internal`
 * without details, so no stack or secret leaks to a caller.
 *
 * @example app.use(errorHandler(logger))
 */
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { ERROR_STATUS, type ErrorCode } from '../../../protocol/index.js';
import { ParleyError } from '../../domain/index.js';

export function sendError(res: Response, code: ErrorCode, message: string): void {
  res.status(ERROR_STATUS[code]).json({ error: { code, message } });
}

/** body-parser errors carry a `type`; map the ones a client can cause. */
function fromBodyParser(err: unknown): ParleyError | null {
  const type = (err as { type?: unknown })?.type;
  if (type === 'entity.parse.failed') return new ParleyError('invalid_json', 'request body is not valid JSON');
  if (type === 'entity.too.large') return new ParleyError('payload_too_large', 'request body is too large');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return new ParleyError('bad_request', 'unsupported body encoding');
  return null;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const known = err instanceof ParleyError ? err : fromBodyParser(err);
    if (known) return sendError(res, known.code, known.message);
    logger.error({ err }, 'unhandled error');
    sendError(res, 'internal', 'internal error');
  };
}

export const notFoundHandler: RequestHandler = (_req, res) => sendError(res, 'not_found', 'no such endpoint');
