/**
 * Per-key rate limits for HTTP routes (rate-limiter-flexible; in memory on one
 * node). Over the limit: 429 `rate_limited` with Retry-After.
 *
 * @example router.post('/login', rateLimit({ points: 10, durationSec: 60, key: (req) => req.ip ?? '' }), …)
 */
import type { Request, RequestHandler } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { sendError } from '../errors/index.js';

export interface RateLimitOptions {
  points: number;
  durationSec: number;
  key: (req: Request) => string;
}

export function rateLimit(opts: RateLimitOptions): RequestHandler {
  const limiter = new RateLimiterMemory({ points: opts.points, duration: opts.durationSec });
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
