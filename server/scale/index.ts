/**
 * What changes when a node is one of several (DESIGN.md §1 `scale/`). Without
 * REDIS_URL: one node, presence and rate limits in memory, Socket.IO's
 * in-memory adapter. With it: the Redis Streams adapter (any node reaches any
 * socket; connection state recovery sessions live in Redis), presence and
 * HTTP rate limits in Redis. Background jobs take a database lease either way
 * (job-lease.ts), so they run on one node at a time.
 *
 * `REDIS_PREFIX` (default `parley`) names every key and stream, so several
 * installs (or test runs) can share one Redis.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { MemoryPresenceRegistry, type PresenceRegistry } from '../domain/presence/index.js';
import { connectRedis } from './redis-client.js';
import { RedisPresenceRegistry } from './redis-presence.js';
import { type LimiterFactory, memoryLimiters, redisLimiters } from './rate-limiters.js';

export { acquireLease, jobLease, type LeasedRun, releaseLeases } from './job-lease.js';
export { type LimiterFactory, type LimiterOptions, memoryLimiters } from './rate-limiters.js';
export { RedisPresenceRegistry } from './redis-presence.js';

/** What `io.adapter()` takes. */
export type AdapterConstructor = ReturnType<typeof createAdapter>;

export interface Scale {
  mode: 'single' | 'redis';
  /** Unique per process: names this node in presence and job leases. */
  nodeId: string;
  presence: PresenceRegistry;
  limiters: LimiterFactory;
  adapter?: AdapterConstructor;
  redis?: Redis;
  close(): Promise<void>;
}

export interface ScaleOptions {
  redisUrl?: string;
  redisPrefix?: string;
  logger: Logger;
}

export function newNodeId(): string {
  return `${hostname().replace(/[^\w.-]/g, '-')}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

export async function createScale({ redisUrl, redisPrefix = 'parley', logger }: ScaleOptions): Promise<Scale> {
  const nodeId = newNodeId();
  if (!redisUrl) {
    return { mode: 'single', nodeId, presence: new MemoryPresenceRegistry(), limiters: memoryLimiters, close: async () => {} };
  }
  const redis = await connectRedis(redisUrl, logger);
  const presence = new RedisPresenceRegistry(redis, { prefix: redisPrefix, nodeId, onError: (err) => logger.warn({ err }, 'presence heartbeat failed') });
  await presence.start();
  const adapter = createAdapter(redis, {
    streamName: `${redisPrefix}:socket.io`,
    channelPrefix: `${redisPrefix}:socket.io`,
    sessionKeyPrefix: `${redisPrefix}:sio-session:`,
    // Our payloads are JSON (uploads go over HTTP): skip the adapter's binary scan of every packet.
    onlyPlaintext: true,
  });
  return {
    mode: 'redis',
    nodeId,
    presence,
    limiters: redisLimiters(redis, redisPrefix),
    adapter,
    redis,
    close: async () => {
      presence.stop();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
