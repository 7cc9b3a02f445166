/**
 * The one Redis connection a node opens when REDIS_URL is set (the Socket.IO
 * adapter duplicates it for its blocking reads). ioredis reconnects on its own
 * with backoff; a command issued while Redis is away fails after a few retries
 * instead of waiting forever, so presence and rate limits degrade (logged,
 * memory fallback) rather than stall requests.
 */
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export async function connectRedis(url: string, logger: Logger): Promise<Redis> {
  const redis = new Redis(url, {
    maxRetriesPerRequest: 3,
    lazyConnect: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  let lastError = '';
  redis.on('error', (err: Error) => {
    // ioredis reports every failed reconnect; one line per distinct error is enough.
    if (err.message !== lastError) logger.warn({ err }, 'redis connection error');
    lastError = err.message;
  });
  redis.on('ready', () => {
    if (lastError) logger.info('redis connection back');
    lastError = '';
  });
  await redis.connect();
  return redis;
}
