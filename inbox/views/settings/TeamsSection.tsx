/**
 * The workspace's teams: name, strategy and members of each; admins create,
 * change (name, strategy, members) and delete them, everyone else reads.
 * One form is open at a time; focus returns to the team's "Edit" (or "New
 * team") when it closes.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AgentProfile, Team } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import type { UpdateTeamRequest } from '../../api/team-endpoints.js';
import { STRATEGY_LABELS } from '../../state/assignment-labels.js';
import { memberNames } from '../../state/team-form.js';
import { errorText } from '../content/use-resource.js';
import { ConfirmDelete } from '../content/ConfirmDelete.js';
import { TeamForm } from './TeamForm.js';

export type TeamsSectionApi = Pick<InboxApi, 'createTeam' | 'updateTeam' | 'deleteTeam'>;

export interface TeamsSectionProps {
  api: TeamsSectionApi;
  teams: readonly Team[];
  agents: readonly AgentProfile[];
  canEdit: boolean;
  onChange(teams: readonly Team[]): void;
}

const byName = (a: Team, b: Team) => a.name.localeCompare(b.name);

export function TeamsSection({ api, teams, agents, canEdit, onChange }: TeamsSectionProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [focusAfter, setFocusAfter] = useState<{ id: string } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const names = new Map(agents.map((a) => [a.id, a.name]));

  useEffect(() => {
    if (focusAfter && editing === null) buttons.current.get(focusAfter.id)?.focus();
  }, [focusAfter, editing]);

  function close(focus: string): void {
    setEditing(null);
    // A new object each time, so asking for the same button twice still moves focus.
    setFocusAfter({ id: focus });
  }

  function patchOf(team: Team, input: { name: string; strategy: Team['strategy']; member_ids: string[] }): UpdateTeamRequest {
    const patch: UpdateTeamRequest = {};
    if (input.name !== team.name) patch.name = input.name;
    if (input.strategy !== team.strategy) patch.strategy = input.strategy;
    if (JSON.stringify(input.member_ids) !== JSON.stringify(team.member_ids)) patch.member_ids = input.member_ids;
    return patch;
  }

  return (
    <section class="settings__section" aria-labelledby="teams-title">
      <h2 id="teams-title" class="settings__section-title">
        Teams
      </h2>
      <p class="settings__hint">Assignment rules send conversations to a team; its online members with room take them in turn.</p>
      {teams.length === 0 && <p class="settings__hint">No teams yet.</p>}
      <ul class="team-list">
        {teams.map((team) => (
          <li key={team.id} class="team-list__item">
            {editing === team.id ? (
              <TeamForm
                team={team}
                teams={teams}
                agents={agents}
                onCancel={() => close(team.id)}
                onSave={async (input) => {
                  const patch = patchOf(team, input);
                  const saved = Object.keys(patch).length > 0 ? await api.updateTeam(team.id, patch) : team;
                  onChange(teams.map((t) => (t.id === team.id ? saved : t)).sort(byName));
                  setNotice(`Team ${saved.name} saved.`);
                  close(team.id);
                }}
              />
            ) : (
              <article class="team-card" aria-labelledby={`team-${team.id}-name`}>
                <h3 id={`team-${team.id}-name`} class="team-card__name">
                  {team.name}
                </h3>
                <p class="team-card__meta">
                  {STRATEGY_LABELS[team.strategy]} · {team.member_ids.length === 1 ? '1 member' : `${team.member_ids.length} members`}
                </p>
                <p class="settings__hint">{memberNames(team.member_ids, names, 5)}</p>
                {canEdit && (
                  <div class="team-card__actions">
                    <button
                      type="button"
                      class="button"
                      ref={(el) => {
                        if (el) buttons.current.set(team.id, el);
                        else buttons.current.delete(team.id);
                      }}
                      onClick={() => {
                        setNotice('');
                        setEditing(team.id);
                      }}
                    >
                      Edit<span class="visually-hidden"> {team.name}</span>
                    </button>
                    <ConfirmDelete
                      thing="team"
                      name={team.name}
                      onConfirm={async () => {
                        try {
                          await api.deleteTeam(team.id);
                          onChange(teams.filter((t) => t.id !== team.id));
                          setNotice(`Team ${team.name} deleted. Its conversations keep their agent.`);
                          setFocusAfter({ id: 'new' });
                        } catch (failure) {
                          setNotice(errorText(failure, 'Could not delete the team.'));
                        }
                      }}
                    />
                  </div>
                )}
              </article>
            )}
          </li>
        ))}
      </ul>
      {canEdit &&
        (editing === 'new' ? (
          <TeamForm
            team={null}
            teams={teams}
            agents={agents}
            onCancel={() => close('new')}
            onSave={async (input) => {
              const created = await api.createTeam(input);
              onChange([...teams, created].sort(byName));
              setNotice(`Team ${created.name} created.`);
              close(created.id);
            }}
          />
        ) : (
          <div>
            <button
              type="button"
              class="button"
              ref={(el) => {
                if (el) buttons.current.set('new', el);
              }}
              onClick={() => {
                setNotice('');
                setEditing('new');
              }}
            >
              New team
            </button>
          </div>
        ))}
      <p class="settings__saved" role="status">
        {notice}
      </p>
    </section>
  );
}
