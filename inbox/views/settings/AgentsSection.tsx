/**
 * The workspace's agents: role, presence (live inside the workspace), capacity
 * and open conversations assigned now. Admins set each agent's capacity
 * (`PATCH /agents/:id`, 0 = no limit); everyone else reads.
 */
import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import { TEAM_LIMITS, type AgentProfile } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { formatCount } from '../../format/stats.js';
import { capacityFromText } from '../../state/team-form.js';
import { errorText } from '../content/use-resource.js';
import { PresenceDot } from '../PresenceDot.js';
import { useLivePresence } from './use-live-presence.js';

export interface AgentsSectionProps {
  api: Pick<InboxApi, 'updateAgent'>;
  agents: readonly AgentProfile[];
  canEdit: boolean;
  /** The signed-in agent. */
  meId: string;
  onChange(agent: AgentProfile): void;
}

export function AgentsSection({ api, agents, canEdit, meId, onChange }: AgentsSectionProps) {
  const [notice, setNotice] = useState('');
  const presenceOf = useLivePresence();
  return (
    <section class="settings__section" aria-labelledby="agents-title">
      <h2 id="agents-title" class="settings__section-title">
        Agents
      </h2>
      <p class="settings__hint" id="agents-capacity-hint">
        Capacity is how many open conversations automatic assignment gives an agent at once (0: no limit). Lowering it moves nothing; it only
        stops new automatic assignments.
      </p>
      <div class="data-table__wrap">
        <table class="data-table agents-table" aria-labelledby="agents-title">
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Capacity</th>
              <th scope="col" class="data-table__number">
                Open assigned
              </th>
            </tr>
          </thead>
          <tbody>
            {agents.map((agent) => (
              <tr key={agent.id}>
                <th scope="row">
                  <span class="agents-table__name">
                    {agent.name}
                    {agent.id === meId ? ' (you)' : ''}
                  </span>
                  <span class="agents-table__email">{agent.email}</span>
                </th>
                <td>{agent.role === 'admin' ? 'Admin' : 'Agent'}</td>
                <td>
                  <PresenceDot presence={presenceOf(agent)} />
                </td>
                <td>
                  {canEdit ? (
                    <CapacityForm
                      agent={agent}
                      onSave={async (capacity) => {
                        const saved = await api.updateAgent(agent.id, { capacity });
                        onChange({ ...agent, ...saved });
                        setNotice(`Capacity of ${agent.name} saved: ${capacity === 0 ? 'no limit' : capacity}.`);
                      }}
                    />
                  ) : (
                    capacityLabel(agent.capacity)
                  )}
                </td>
                <td class="data-table__number">{formatCount(agent.open_assigned)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="settings__saved" role="status">
        {notice}
      </p>
    </section>
  );
}

function capacityLabel(capacity: number | undefined): string {
  return !capacity ? 'No limit' : String(capacity);
}

function CapacityForm({ agent, onSave }: { agent: AgentProfile; onSave(capacity: number): Promise<void> }) {
  const [text, setText] = useState(String(agent.capacity ?? 0));
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const inputId = `capacity-${agent.id}`;

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (saving) return;
    const parsed = capacityFromText(text);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError('');
    if (parsed.value === (agent.capacity ?? 0)) return;
    setSaving(true);
    try {
      await onSave(parsed.value);
    } catch (failure) {
      setError(errorText(failure, 'Could not save the capacity.'));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="capacity-form" onSubmit={submit} noValidate>
      <label class="visually-hidden" for={inputId}>
        Capacity of {agent.name}
      </label>
      <input
        id={inputId}
        class="input capacity-form__input"
        type="number"
        min={0}
        max={TEAM_LIMITS.capacity}
        step={1}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error agents-capacity-hint` : 'agents-capacity-hint'}
      />
      <button type="submit" class="button" aria-busy={saving}>
        Save<span class="visually-hidden"> capacity of {agent.name}</span>
      </button>
      {error && (
        <p class="field__error capacity-form__error" id={`${inputId}-error`}>
          {error}
        </p>
      )}
    </form>
  );
}
