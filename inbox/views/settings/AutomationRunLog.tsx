/**
 * A rule's run log: its last 50 runs, newest first — when, which trigger,
 * on which conversation (a link to it), how it went, and each action's
 * result with the error of those that failed. Loaded when shown; "Refresh"
 * reads it again.
 */
import type { AutomationApi } from '../../api/automation-endpoints.js';
import { formatDateTime } from '../../format/relative-time.js';
import { conversationHref } from '../../host/hash-route.js';
import { ACTION_LABELS, OUTCOME_LABELS, TRIGGER_LABELS } from '../../state/automation-labels.js';
import { LoadState } from '../content/LoadState.js';
import { useResource } from '../content/use-resource.js';

export interface AutomationRunLogProps {
  api: Pick<AutomationApi, 'listAutomationRuns'>;
  ruleId: string;
  ruleName: string;
}

export function AutomationRunLog({ api, ruleId, ruleName }: AutomationRunLogProps) {
  const { resource, retry } = useResource(async () => (await api.listAutomationRuns(ruleId)).data, `runs:${ruleId}`, 'Could not load the run log.');
  const titleId = `runs-${ruleId}-title`;
  return (
    <section class="automation-runs" aria-labelledby={titleId}>
      <div class="automation-runs__bar">
        <h4 id={titleId} class="automation-runs__title">
          Run log<span class="visually-hidden"> of {ruleName}</span>
        </h4>
        <button type="button" class="button button--ghost" onClick={retry}>
          Refresh<span class="visually-hidden"> the run log of {ruleName}</span>
        </button>
      </div>
      {resource.status !== 'ready' ? (
        <LoadState resource={resource} what="run log" onRetry={retry} />
      ) : resource.value.length === 0 ? (
        <p class="settings__hint">It has not run yet. Each time it matches an event, the run shows here (the last 50 are kept).</p>
      ) : (
        <div class="data-table__wrap">
          <table class="data-table">
            <caption class="visually-hidden">The last runs of {ruleName}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Trigger</th>
                <th scope="col">Conversation</th>
                <th scope="col">Outcome</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {resource.value.map((run) => (
                <tr key={run.id}>
                  <td>
                    <time dateTime={run.created_at}>{formatDateTime(run.created_at)}</time>
                  </td>
                  <td>{TRIGGER_LABELS[run.trigger]}</td>
                  <td>{run.conversation_id ? <a href={conversationHref(run.conversation_id)}>Open</a> : 'None'}</td>
                  <td>
                    <span class={`status-badge${run.outcome === 'succeeded' ? ' status-badge--live' : ''}`}>{OUTCOME_LABELS[run.outcome]}</span>
                  </td>
                  <td>
                    <ul class="automation-runs__actions">
                      {run.actions.map((a, i) => (
                        <li key={i}>
                          {ACTION_LABELS[a.type]}: {a.ok ? 'done' : `failed (${a.error ?? 'unknown error'})`}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
