/**
 * Loading one thing for a screen: loading → ready or failed, with a retry and
 * a setter for when a save returns the new version. A load started for an old
 * key is aborted, so a slow answer never overwrites a newer one.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api/http.js';

export type Resource<T> = { status: 'loading' } | { status: 'failed'; message: string; notFound: boolean } | { status: 'ready'; value: T };

export function errorText(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}

export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: string,
  failure: string,
): { resource: Resource<T>; retry(): void; set(value: T): void } {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setResource({ status: 'loading' });
    load(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) setResource({ status: 'ready', value });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const notFound = error instanceof ApiError && error.status === 404;
        setResource({ status: 'failed', message: errorText(error, failure), notFound });
      },
    );
    return () => controller.abort();
    // `load` is a new closure each render; `key` says when it means something new.
  }, [key, attempt]);

  return {
    resource,
    retry: useCallback(() => setAttempt((n) => n + 1), []),
    set: useCallback((value: T) => setResource({ status: 'ready', value }), []),
  };
}
