/** A team's name, strategy and members (checkboxes; a member checked joins the end of the round-robin order), to create one or change one. */
import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ASSIGNMENT_STRATEGIES, TEAM_LIMITS, type AgentProfile, type AssignmentStrategy, type Team } from '../../../protocol/index.js';
import { ApiError } from '../../api/http.js';
import type { CreateTeamRequest } from '../../api/team-endpoints.js';
import { STRATEGY_LABELS } from '../../state/assignment-labels.js';
import { memberNames, teamNameProblem, toggleMember } from '../../state/team-form.js';
import { Field } from '../content/Field.js';
import { PresenceDot } from '../PresenceDot.js';
import { useLivePresence } from './use-live-presence.js';
import { FormFooter } from '../content/FormFooter.js';

export interface TeamFormProps {
  /** null: a new team. */
  team: Team | null;
  teams: readonly Team[];
  agents: readonly AgentProfile[];
  /** Resolves when saved; rejects with an ApiError the form shows. */
  onSave(input: Required<CreateTeamRequest>): Promise<void>;
  onCancel(): void;
}

export function TeamForm({ team, teams, agents, onSave, onCancel }: TeamFormProps) {
  const id = useId();
  const [name, setName] = useState(team?.name ?? '');
  const [strategy, setStrategy] = useState<AssignmentStrategy>(team?.strategy ?? 'round_robin');
  const [memberIds, setMemberIds] = useState<string[]>(team?.member_ids ?? []);
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const presenceOf = useLivePresence();

  useEffect(() => nameRef.current?.focus(), []);

  const nameError = checked ? teamNameProblem(name, teams, team?.id ?? null) : '';
  const names = new Map(agents.map((a) => [a.id, a.name]));

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (saving) return;
    setChecked(true);
    if (teamNameProblem(name, teams, team?.id ?? null)) {
      nameRef.current?.focus();
      return;
    }
    setSaving(true);
    setError('');
    try {
      await onSave({ name: name.trim(), strategy, member_ids: memberIds });
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'Could not save the team.');
      setSaving(false);
    }
  }

  return (
    <form class="team-form" aria-label={team ? `Edit team ${team.name}` : 'New team'} onSubmit={submit} noValidate>
      <Field id={`${id}-name`} label="Team name" error={nameError || undefined}>
        {(aria) => <input {...aria} ref={nameRef} class="input" type="text" maxLength={TEAM_LIMITS.name} value={name} onInput={(e) => setName(e.currentTarget.value)} />}
      </Field>
      <Field id={`${id}-strategy`} label="Strategy" hint="How conversations that come back to the team (an agent went offline) are handed out again. Assignment rules choose their own.">
        {(aria) => (
          <select {...aria} class="select" value={strategy} onChange={(e) => setStrategy(e.currentTarget.value as AssignmentStrategy)}>
            {ASSIGNMENT_STRATEGIES.map((s) => (
              <option key={s} value={s}>
                {STRATEGY_LABELS[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset class="team-form__members" aria-describedby={`${id}-order`}>
        <legend class="field__label">Members</legend>
        {agents.length === 0 && <p class="settings__hint">No agents yet.</p>}
        {agents.map((agent) => (
          <label key={agent.id} class="settings__choice team-form__member">
            <input type="checkbox" checked={memberIds.includes(agent.id)} onChange={(e) => setMemberIds((ids) => toggleMember(ids, agent.id, e.currentTarget.checked))} />
            {agent.name}
            <PresenceDot presence={presenceOf(agent)} />
          </label>
        ))}
        <p class="settings__hint" id={`${id}-order`}>
          Round-robin order: {memberNames(memberIds, names, 10)}.
        </p>
      </fieldset>
      <FormFooter error={error} saving={saving} submitLabel={team ? 'Save team' : 'Create team'} onCancel={onCancel} />
    </form>
  );
}
