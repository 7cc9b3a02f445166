/**
 * Runs the retention job every `intervalMs` in this process; start.ts wraps
 * `run` in the job lease so one node of a cluster does it at a time. The clock
 * is injectable (tests pass one set ahead); a run never overlaps the previous one.
 *
 * @example const stop = startRetentionClock({ run: (now) => leased('retention', RETENTION_LEASE_MS, () => job.run(now)), onError: log })
 */

export interface RetentionClockOptions {
  run: (now: Date) => Promise<unknown>;
  onError: (err: unknown) => void;
  /** Default: hourly (windows are whole days). */
  intervalMs?: number;
  now?: () => Date;
}

export const RETENTION_INTERVAL_MS = 60 * 60_000;
/** Two missed runs: a dead holder's lease passes on within two hours. */
export const RETENTION_LEASE_MS = 2 * RETENTION_INTERVAL_MS;

/** Starts the clock; returns the stop function. */
export function startRetentionClock({ run, onError, intervalMs = RETENTION_INTERVAL_MS, now = () => new Date() }: RetentionClockOptions): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    run(now())
      .catch(onError)
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
