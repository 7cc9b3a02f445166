/**
 * Per-team service levels: pick a team, then its own business hours and/or
 * SLA targets; what it leaves out falls back to the workspace's. Saved as
 * `teamServiceLevels: { [team id]: … }` (null when nothing of its own is left).
 */
import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import type { Team, WorkspaceSettings } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { browserTimeZone } from '../../state/report-range.js';
import { teamOverrideDraftFrom, teamOverridePatch, type ServiceLevelsErrors, type TeamOverrideDraft } from '../../state/service-levels-form.js';
import { errorText } from '../content/use-resource.js';
import { BusinessHoursEditor } from './BusinessHoursEditor.js';
import { SlaFields } from './SlaFields.js';

export interface TeamOverridesProps {
  api: Pick<InboxApi, 'updateSettings'>;
  saved: WorkspaceSettings;
  teams: readonly Team[];
  canEdit: boolean;
  onSaved(settings: WorkspaceSettings): void;
}

export function TeamOverrides({ api, saved, teams, canEdit, onSaved }: TeamOverridesProps) {
  const [teamId, setTeamId] = useState('');
  const overridden = teams.filter((t) => saved.teamServiceLevels[t.id]);
  return (
    <section class="settings__section" aria-labelledby="team-overrides-title">
      <h2 id="team-overrides-title" class="settings__section-title">
        Team overrides
      </h2>
      <p class="settings__hint">
        A team can keep its own hours and targets for the conversations it holds. {overridden.length > 0 ? `With their own: ${overridden.map((t) => t.name).join(', ')}.` : 'No team has its own yet.'}
      </p>
      {teams.length === 0 ? (
        <p class="settings__hint">Create a team first (Teams and agents).</p>
      ) : (
        <div class="field">
          <label class="field__label" for="override-team">
            Team
          </label>
          <select id="override-team" class="select" value={teamId} onChange={(e) => setTeamId(e.currentTarget.value)}>
            <option value="">Choose a team</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
                {saved.teamServiceLevels[team.id] ? ' (own settings)' : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      {teamId && (
        <TeamOverrideForm key={teamId} api={api} team={teams.find((t) => t.id === teamId) as Team} saved={saved} canEdit={canEdit} onSaved={onSaved} />
      )}
    </section>
  );
}

function TeamOverrideForm({ api, team, saved, canEdit, onSaved }: { api: TeamOverridesProps['api']; team: Team; saved: WorkspaceSettings; canEdit: boolean; onSaved(s: WorkspaceSettings): void }) {
  const fallbackZone = saved.businessHours?.timezone ?? browserTimeZone();
  const [draft, setDraft] = useState<TeamOverrideDraft>(() => teamOverrideDraftFrom(saved.teamServiceLevels[team.id], fallbackZone));
  const [errors, setErrors] = useState<ServiceLevelsErrors | null>(null);
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState('');
  const [saving, setSaving] = useState(false);
  const has = Boolean(saved.teamServiceLevels[team.id]);

  async function save(patchDraft: TeamOverrideDraft | null): Promise<void> {
    if (saving || !canEdit) return;
    const checked = patchDraft ? teamOverridePatch(team.id, patchDraft) : { ok: true as const, patch: { teamServiceLevels: { [team.id]: null } } };
    if (!checked.ok) {
      setErrors(checked.errors);
      setFailure('Fix the marked fields first.');
      return;
    }
    setErrors(null);
    setFailure('');
    setSaving(true);
    try {
      const result = await api.updateSettings(checked.patch);
      onSaved(result);
      const now = result.teamServiceLevels[team.id];
      if (!patchDraft) setDraft(teamOverrideDraftFrom(null, fallbackZone));
      setNotice(now ? `${team.name} keeps its own settings.` : `${team.name} uses the workspace’s settings.`);
    } catch (error) {
      setFailure(errorText(error, 'Could not save the team’s settings.'));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      class="team-override"
      aria-label={`Service levels of ${team.name}`}
      noValidate
      onSubmit={(event: TargetedSubmitEvent<HTMLFormElement>) => {
        event.preventDefault();
        void save(draft);
      }}
    >
      <fieldset class="settings__fields" disabled={!canEdit}>
        <legend class="visually-hidden">{team.name}</legend>
        <BusinessHoursEditor
          idPrefix={`team-hours-${team.id}`}
          legend={`Business hours of ${team.name}`}
          toggleLabel="Own business hours"
          offHint="Uses the workspace’s business hours."
          draft={draft.hours}
          onChange={(hours) => setDraft((d) => ({ ...d, hours }))}
          errors={errors?.hours ?? null}
        />
        <SlaFields
          idPrefix={`team-sla-${team.id}`}
          legend={`SLA targets of ${team.name}`}
          hint="Leave all three empty to use the workspace’s targets; set any, and these are the team’s targets."
          draft={draft.sla}
          onChange={(sla) => setDraft((d) => ({ ...d, sla }))}
          errors={errors?.sla ?? null}
        />
      </fieldset>
      {failure && (
        <p class="settings__error" role="alert">
          {failure}
        </p>
      )}
      <div class="settings__actions">
        <button type="submit" class="button button--primary" disabled={!canEdit} aria-busy={saving}>
          Save team settings
        </button>
        {has && (
          <button type="button" class="button button--ghost" disabled={!canEdit} onClick={() => void save(null)}>
            Use the workspace’s settings
          </button>
        )}
        <p class="settings__saved" role="status">
          {notice}
        </p>
      </div>
    </form>
  );
}
