/**
 * Assigns the open conversation to a team and/or an agent
 * (`POST /conversations/:id/assign`). A button shows where it is now
 * ("Support · Ada Lovelace"); it opens a small form with the team and the
 * agents — each with their presence (dot and word) and how full they are —
 * the chosen team's members first. A person may give anyone anything: presence
 * and capacity only inform. Escape or "Cancel" closes it, focus back on the button.
 *
 * @example <AssignControl conversation={conversation} />   // inside <InboxContext.Provider>
 */
import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { AgentConversation, AgentProfile, Team } from '../../protocol/index.js';
import { ApiError } from '../api/http.js';
import type { AssignRequest } from '../api/team-endpoints.js';
import { capacityText, isAtCapacity } from '../state/assignment-labels.js';
import { useInbox } from './inbox-context.js';
import { PresenceDot } from './PresenceDot.js';
import '../styles/presence.css';
import { FormFooter } from './content/FormFooter.js';

const NONE = '';

export function AssignControl({ conversation }: { conversation: AgentConversation }) {
  const inbox = useInbox();
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const summary = `${conversation.teamName ?? 'No team'} · ${conversation.assigneeName ?? 'Unassigned'}`;

  function close(): void {
    setOpen(false);
    toggleRef.current?.focus();
  }

  return (
    <div class="assign-control">
      <button
        ref={toggleRef}
        type="button"
        class="button assign-control__toggle"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        <span class="assign-control__label">Assign</span>
        <span class="assign-control__summary">{summary}</span>
      </button>
      {open && (
        <AssignPanel
          id={panelId}
          conversation={conversation}
          onDone={(text) => {
            inbox.announcer.announce(text);
            close();
          }}
          onCancel={close}
        />
      )}
    </div>
  );
}

interface AssignPanelProps {
  id: string;
  conversation: AgentConversation;
  onDone(announcement: string): void;
  onCancel(): void;
}

function AssignPanel({ id, conversation, onDone, onCancel }: AssignPanelProps) {
  const inbox = useInbox();
  const [teamId, setTeamId] = useState(conversation.teamId ?? NONE);
  const [assigneeId, setAssigneeId] = useState(conversation.assigneeId ?? NONE);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState('');
  const teamRef = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    inbox.teams.ensure();
    // Open counts change with every assignment: show them as they are now.
    void inbox.reloadAgents();
    teamRef.current?.focus();
  }, []);

  const teams = withCurrent(inbox.teams.list.value, conversation);
  const team = teams.find((t) => t.id === teamId) ?? null;
  const agents = agentsInOrder(inbox.agents.value, conversation, team);
  const nameOf = (agentId: string) => agents.find((a) => a.id === agentId)?.name ?? 'someone';

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (saving) return;
    const input: AssignRequest = {};
    const teamChanged = teamId !== (conversation.teamId ?? NONE);
    const agentChanged = assigneeId !== (conversation.assigneeId ?? NONE);
    if (!teamChanged && !agentChanged) {
      onCancel();
      return;
    }
    // With a new team, the agent is sent too, so the server does exactly what the form shows.
    if (teamChanged) input.teamId = teamId || null;
    if (teamChanged || agentChanged) input.assigneeId = assigneeId || null;
    setSaving(true);
    setError('');
    try {
      await inbox.assignConversation(conversation.id, input);
      const who = assigneeId ? nameOf(assigneeId) : 'nobody';
      onDone(team ? `Assigned to ${who} in ${team.name}.` : `Assigned to ${who}, no team.`);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'Could not assign the conversation.');
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      id={id}
      class="assign-control__panel"
      aria-label="Assign conversation"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <div class="field">
        <label class="field__label field__label--small" for={`${id}-team`}>
          Team
        </label>
        <select ref={teamRef} id={`${id}-team`} class="select" value={teamId} onChange={(e) => setTeamId(e.currentTarget.value)}>
          <option value={NONE}>No team</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        {inbox.teams.status.value === 'failed' && <p class="settings__hint">Could not load the teams.</p>}
      </div>
      <fieldset class="assign-control__agents">
        <legend class="field__label field__label--small">Agent</legend>
        <label class="assign-option">
          <input type="radio" name={`${id}-agent`} value={NONE} checked={assigneeId === NONE} onChange={() => setAssigneeId(NONE)} />
          <span class="assign-option__name">Unassigned</span>
        </label>
        {agents.map((agent) => {
          const presence = inbox.presence.of(agent.id) ?? agent.presence ?? 'offline';
          const capacity = capacityText(agent);
          const member = team?.member_ids.includes(agent.id) ?? false;
          return (
            <label key={agent.id} class={`assign-option${isAtCapacity(agent) ? ' assign-option--full' : ''}`}>
              <input type="radio" name={`${id}-agent`} value={agent.id} checked={assigneeId === agent.id} onChange={() => setAssigneeId(agent.id)} />
              <span class="assign-option__name">
                {agent.name}
                {agent.id === inbox.agent.id ? ' (you)' : ''}
              </span>
              <PresenceDot presence={presence} />
              {(capacity || member) && (
                <span class="assign-option__hint">{[member && team ? `In ${team.name}` : '', capacity].filter(Boolean).join(' · ')}</span>
              )}
            </label>
          );
        })}
      </fieldset>
      <FormFooter error={error} saving={saving} submitLabel={saving ? 'Assigning…' : 'Assign'} onCancel={onCancel} actionsClass="assign-control__actions" />
    </form>
  );
}

/** The teams, plus the conversation's own when the list doesn't have it (not loaded yet, or gone). */
function withCurrent(teams: readonly Team[], conversation: AgentConversation): readonly Pick<Team, 'id' | 'name' | 'member_ids'>[] {
  if (!conversation.teamId || teams.some((t) => t.id === conversation.teamId)) return teams;
  return [...teams, { id: conversation.teamId, name: conversation.teamName ?? 'Current team', member_ids: [] }];
}

/** The chosen team's members first (in its round-robin order), then everyone else by name; the current assignee is always there. */
function agentsInOrder(all: readonly AgentProfile[], conversation: AgentConversation, team: Pick<Team, 'member_ids'> | null): AgentProfile[] {
  const agents = [...all];
  if (conversation.assigneeId && !agents.some((a) => a.id === conversation.assigneeId)) {
    agents.push({ id: conversation.assigneeId, name: conversation.assigneeName ?? 'Unknown agent', email: '', role: 'agent' });
  }
  const members = team ? team.member_ids.flatMap((memberId) => agents.filter((a) => a.id === memberId)) : [];
  const others = agents.filter((a) => !members.includes(a)).sort((a, b) => a.name.localeCompare(b.name));
  return [...members, ...others];
}
