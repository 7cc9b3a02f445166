/**
 * Socket request handling in one shape: validate the payload, run the domain
 * call, answer with an Ack. Errors never escape to Socket.IO (an exception in a
 * listener would be lost); unknown ones are logged and answered as `internal`.
 */
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Ack } from '../../protocol/index.js';
import { ParleyError, validate } from '../domain/index.js';

export type AckFn<T> = (response: Ack<T>) => void;

export function toAckError(err: unknown, logger: Logger): Ack<never> {
  if (err instanceof ParleyError) return { ok: false, error: { code: err.code, message: err.message } };
  logger.error({ err }, 'socket handler failed');
  return { ok: false, error: { code: 'internal', message: 'internal error' } };
}

/** Builds a listener: `(payload, ack)` → validated call → ack. A missing ack is tolerated. */
export function respond<S extends z.ZodType, T>(
  logger: Logger,
  schema: S,
  run: (input: z.infer<S>) => Promise<T>,
  beforeRun?: () => Promise<void>,
): (payload: unknown, ack?: unknown) => void {
  return (payload, ack) => {
    const reply: AckFn<T> = typeof ack === 'function' ? (ack as AckFn<T>) : () => {};
    (async () => {
      if (beforeRun) await beforeRun();
      const input = validate(schema, payload);
      return run(input);
    })().then(
      (data) => reply({ ok: true, data }),
      (err: unknown) => reply(toAckError(err, logger)),
    );
  };
}
