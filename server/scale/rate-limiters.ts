/**
 * Where rate-limit counters live. One node: in memory. Several nodes
 * (REDIS_URL): in Redis, so a client spreading requests over nodes behind a
 * load balancer meets one budget, with an in-memory limiter as insurance while
 * Redis is unreachable (rate-limiter-flexible's insuranceLimiter): requests
 * are still limited, per node, and never fail because Redis is away.
 *
 * @example const limiter = limiters({ keyPrefix: 'login', points: 10, durationSec: 60 })
 */
import type { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';

export interface LimiterOptions {
  /** Names the budget: limiters with different prefixes never share counters. */
  keyPrefix: string;
  points: number;
  durationSec: number;
}

export type LimiterFactory = (options: LimiterOptions) => RateLimiterAbstract;

export const memoryLimiters: LimiterFactory = ({ keyPrefix, points, durationSec }) => new RateLimiterMemory({ keyPrefix, points, duration: durationSec });

export function redisLimiters(redis: Redis, prefix: string): LimiterFactory {
  return ({ keyPrefix, points, durationSec }) =>
    new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:rl:${keyPrefix}`,
      points,
      duration: durationSec,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: durationSec }),
    });
}
