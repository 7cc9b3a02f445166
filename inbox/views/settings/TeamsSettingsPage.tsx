/** `#/settings/teams`: the teams and the agents, loaded together; a change here also refreshes the inbox's own lists (assign pickers). */
import { useContext } from 'preact/hooks';
import type { AgentProfile, Team } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { LoadState } from '../content/LoadState.js';
import { useResource } from '../content/use-resource.js';
import { InboxContext } from '../inbox-context.js';
import { AgentsSection } from './AgentsSection.js';
import { TeamsSection } from './TeamsSection.js';

export type TeamsSettingsApi = Pick<InboxApi, 'listTeams' | 'createTeam' | 'updateTeam' | 'deleteTeam' | 'listAgents' | 'updateAgent'>;

interface Loaded {
  teams: readonly Team[];
  agents: readonly AgentProfile[];
}

export function TeamsSettingsPage({ api, canEdit, agent }: { api: TeamsSettingsApi; canEdit: boolean; agent: AgentProfile }) {
  const inbox = useContext(InboxContext);
  const { resource, retry, set } = useResource<Loaded>(
    async () => {
      const [teams, agents] = await Promise.all([api.listTeams(), api.listAgents()]);
      return { teams: teams.data, agents: agents.data };
    },
    'teams',
    'Could not load the teams and agents.',
  );
  if (resource.status !== 'ready') return <LoadState resource={resource} what="teams" onRetry={retry} />;
  const { teams, agents } = resource.value;
  return (
    <div class="settings-page">
      <TeamsSection
        api={api}
        teams={teams}
        agents={agents}
        canEdit={canEdit}
        onChange={(next) => {
          set({ teams: next, agents });
          void inbox?.teams.reload();
        }}
      />
      <AgentsSection
        api={api}
        agents={agents}
        canEdit={canEdit}
        meId={agent.id}
        onChange={(changed) => {
          set({ teams, agents: agents.map((a) => (a.id === changed.id ? changed : a)) });
          void inbox?.reloadAgents();
        }}
      />
    </div>
  );
}
