/**
 * Asking the server until it answers: while it is unreachable (network error
 * or 5xx) the call is tried again with backoff (2 s, 4 s… up to a minute); any
 * other refusal ends it. Every failure is reported. `live()` false (a newer
 * boot, a shutdown) stops it. A boot whose userHash is refused falls back to
 * an anonymous boot.
 */
import type { BootResult } from '../protocol/index.js';
import { ApiError } from './api-client.js';

export async function untilAnswered<T>(call: () => Promise<T>, live: () => boolean, report: (err: unknown) => void): Promise<T | null> {
  for (let attempt = 0; live(); attempt++) {
    try {
      const result = await call();
      return live() ? result : null;
    } catch (err) {
      report(err);
      if (!(err instanceof ApiError) || (err.code !== 'network' && err.status < 500)) return null;
      await new Promise((r) => setTimeout(r, Math.min(60_000, 2_000 * 2 ** Math.min(attempt, 5))));
    }
  }
  return null;
}

export interface BootRetryOptions {
  call(withUser: boolean): Promise<BootResult>;
  withUser: boolean;
  live(): boolean;
  report(err: unknown): void;
}

export function bootWithRetry({ call, withUser, live, report }: BootRetryOptions): Promise<BootResult | null> {
  let user = withUser;
  return untilAnswered(
    () =>
      call(user).catch((err: unknown) => {
        if (!(user && err instanceof ApiError && err.code === 'invalid_user_hash')) throw err;
        report(err);
        user = false;
        return call(false);
      }),
    live,
    report,
  );
}
