/** What a content screen shows while its data loads or after it failed to (with "Retry"). */
import type { Resource } from './use-resource.js';

export function LoadState<T>({ resource, what, onRetry }: { resource: Resource<T>; what: string; onRetry(): void }) {
  if (resource.status === 'loading') return <p role="status">Loading {what}…</p>;
  if (resource.status === 'failed') {
    return (
      <div class="settings__load-error">
        <p role="alert">{resource.notFound ? `This ${what.replace(/s$/, '')} no longer exists.` : resource.message}</p>
        {!resource.notFound && (
          <button type="button" class="button" onClick={onRetry}>
            Retry
          </button>
        )}
      </div>
    );
  }
  return null;
}
