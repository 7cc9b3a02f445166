/**
 * When a failed delivery is tried again: 30 s, 2 min, 10 min, 1 h, 6 h, 12 h,
 * then 24 h after the first 7 failures (8 attempts over about 43 hours), each
 * delay ±20 % so that receivers coming back after an outage are not hit by
 * every queued delivery in the same second. Injectable (WebhookWorker's
 * `retryDelay`) so tests need no real waiting.
 */
export const RETRY_SCHEDULE_MS = [30_000, 120_000, 600_000, 3_600_000, 21_600_000, 43_200_000, 86_400_000] as const;

/** Attempts in all (the first one and its retries); the last failure marks the delivery `failed`. */
export const MAX_ATTEMPTS = 8;

/** Delay before the attempt after `failedAttempts` failures (1 = the first failed). */
export type RetryDelay = (failedAttempts: number) => number;

export function exponentialBackoff(random: () => number = Math.random): RetryDelay {
  return (failedAttempts) => {
    const base = RETRY_SCHEDULE_MS[Math.min(Math.max(failedAttempts, 1), RETRY_SCHEDULE_MS.length) - 1];
    return Math.round(base * (0.8 + 0.4 * random()));
  };
}
