import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ParleyError } from '../domain/index.js';

/**
 * Per-socket event budget. Generous for people (typing, sending), tight enough
 * that one script can't flood the store or the other sockets.
 */
export function socketRateLimiter(defaultPoints = 60, durationSec = 10) {
  // SOCKET_EVENTS_PER_10S raises the budget for load tests (bench/); people never need it.
  const points = Number(process.env.SOCKET_EVENTS_PER_10S) || defaultPoints;
  const limiter = new RateLimiterMemory({ points, duration: durationSec });
  return async (socketId: string): Promise<void> => {
    try {
      await limiter.consume(socketId);
    } catch (err) {
      if (err instanceof RateLimiterRes) throw new ParleyError('rate_limited', 'too many events, slow down');
      throw err;
    }
  };
}

/** Largest socket payload accepted (bytes); bigger ones close only that socket. */
export const MAX_SOCKET_PAYLOAD = 100_000;

/**
 * Most bytes queued for one connection that is not taking them (slow-consumer-guard.ts);
 * past this it is closed and catches up by seq when it comes back.
 */
export const MAX_QUEUED_BYTES = 1_000_000;
