/**
 * Small pieces the fault tests share: booting many visitors from distinct
 * addresses, bounded concurrency, bounded waits, and a unique Redis prefix.
 */
import { randomBytes } from 'node:crypto';
import type { BootResult } from '../../../protocol/index.js';

/**
 * Boots a widget visitor as if from `ip` (X-Forwarded-For, trusted from
 * loopback): hundreds of visitors behind one load balancer come from hundreds
 * of addresses, so each meets its own per-IP boot budget, not a shared one.
 */
export async function bootFrom(base: string, ip: string): Promise<BootResult> {
  const res = await fetch(`${base}/api/v1/widget/boot`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: base, 'X-Forwarded-For': ip },
    body: JSON.stringify({ appId: 'demo' }),
  });
  if (res.status !== 200) throw new Error(`boot from ${ip} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as BootResult;
}

/** A distinct private address per index (10.x.y.z), for X-Forwarded-For. */
export function testAddress(i: number): string {
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
}

/** Runs `fn` over `items`, at most `limit` at a time, results in order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Waits until `cond()` holds, checking every 20 ms (async ones every 200 ms); rejects after `ms` with `what` in the message. */
export async function until(cond: () => boolean | Promise<boolean>, ms: number, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    const result = cond();
    if (typeof result === 'boolean' ? result : await result) return;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, typeof result === 'boolean' ? 20 : 200));
  }
}

/** Rejects when `promise` has not settled within `ms` (a bound, not a measurement). */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A Redis prefix no other test or install uses; its keys are dropped in afterAll. */
export const uniqueRedisPrefix = (name: string) => `parley-fault-${name}-${randomBytes(5).toString('hex')}`;

/**
 * Runs `start` with these process environment variables set, then puts the old
 * values back: for knobs the server reads once at start (SOCKET_EVENTS_PER_10S,
 * SOCKET_PING_*), given to an in-process test server only.
 */
export async function withProcessEnv<T>(vars: Record<string, string>, start: () => Promise<T>): Promise<T> {
  const previous = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await start();
  } finally {
    for (const [k, v] of Object.entries(previous)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
