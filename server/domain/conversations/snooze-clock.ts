/**
 * The wake-up job: scans for due snoozes every `intervalMs` in this process.
 * Safe on every node at once (the reopen is a compare-and-set, see
 * SnoozeWaker). The clock and the interval are injectable so tests run it in
 * milliseconds with a clock set ahead, instead of waiting for real time.
 *
 * @example const stop = startSnoozeClock({ wake: (now) => domain.snoozes.wakeDue(now), onError: log })
 */

export interface SnoozeClockOptions {
  wake: (now: Date) => Promise<unknown>;
  onError: (err: unknown) => void;
  /** Default: every 15 s (a snooze wakes at most this late). */
  intervalMs?: number;
  now?: () => Date;
}

export const SNOOZE_SCAN_MS = 15_000;

/** Starts scanning; returns the stop function. A scan never overlaps the previous one. */
export function startSnoozeClock({ wake, onError, intervalMs = SNOOZE_SCAN_MS, now = () => new Date() }: SnoozeClockOptions): () => void {
  let running = false;
  const scan = () => {
    if (running) return;
    running = true;
    wake(now())
      .catch(onError)
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(scan, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
