/**
 * The numbers of a stats page (a survey's results, a tour's funnel): loaded
 * now and every `intervalMs` while the tab is visible (`usePolling`). A
 * failed refresh keeps the last numbers and says so (`PollStatus`), rather
 * than blanking the page.
 */
import { useState } from 'preact/hooks';
import { usePolling } from '../../host/use-polling.js';
import { errorText } from './use-resource.js';

/** How often the stats pages refresh themselves. */
export const STATS_REFRESH_MS = 10_000;

export interface PolledData<T> {
  /** The latest numbers; null until the first arrive. */
  value: T | null;
  /** Why the last load failed; empty when it didn't. */
  failure: string;
}

/** `key` says when the query means something new (another item, another range): polling starts over. */
export function usePolledData<T>(load: (signal: AbortSignal) => Promise<T>, key: string, failureText: string, intervalMs = STATS_REFRESH_MS): PolledData<T> {
  const [value, setValue] = useState<T | null>(null);
  const [failure, setFailure] = useState('');
  usePolling(
    (signal) => {
      load(signal).then(
        (next) => {
          if (signal.aborted) return;
          setValue(next);
          setFailure('');
        },
        (error: unknown) => {
          if (!signal.aborted) setFailure(errorText(error, failureText));
        },
      );
    },
    intervalMs,
    key,
  );
  return { value, failure };
}

/** "Loading results…" before the first numbers; a failure, or "Could not refresh" over the last numbers. */
export function PollStatus({ data, what }: { data: PolledData<unknown>; what: string }) {
  const { value, failure } = data;
  if (!value && !failure) return <p role="status">Loading {what}…</p>;
  if (!failure) return null;
  return (
    <p class={value ? 'settings__hint' : 'settings__error'} role="status">
      {value ? `Could not refresh: ${failure} Showing the last ${what}.` : failure}
    </p>
  );
}
