/**
 * Per-key rate limits for HTTP routes (rate-limiter-flexible). The counters
 * live where the node's `LimiterFactory` keeps them: memory on one node,
 * Redis when several share the traffic (server/scale/rate-limiters.ts).
 * Over the limit: 429 `rate_limited` with Retry-After.
 *
 * @example router.post('/login', rateLimit(limiters, { name: 'login', points: 10, durationSec: 60, key: (req) => req.ip ?? '' }), …)
 */
import type { Request, RequestHandler } from 'express';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { LimiterFactory } from '../../scale/index.js';
import { sendError } from '../errors/index.js';

export interface RateLimitOptions {
  /** Names the budget (and its keys in Redis). */
  name: string;
  points: number;
  durationSec: number;
  key: (req: Request) => string;
}

export function rateLimit(limiters: LimiterFactory, opts: RateLimitOptions): RequestHandler {
  const limiter = limiters({ keyPrefix: opts.name, points: opts.points, durationSec: opts.durationSec });
  return async (req, res, next) => {
    try {
      await limiter.consume(opts.key(req) || 'unknown');
      next();
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) return next(err);
      res.setHeader('Retry-After', String(Math.ceil(err.msBeforeNext / 1000)));
      sendError(res, 'rate_limited', 'too many requests, slow down');
    }
  };
}
