/** `#/settings/service-levels`: the workspace's business hours, SLA targets and away message, and per-team overrides. */
import type { Team, WorkspaceSettings } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { LoadState } from '../content/LoadState.js';
import { useResource } from '../content/use-resource.js';
import { ServiceLevelsForm } from './ServiceLevelsForm.js';
import { TeamOverrides } from './TeamOverrideForm.js';

export type ServiceLevelsApi = Pick<InboxApi, 'getSettings' | 'updateSettings' | 'listTeams'>;

interface Loaded {
  settings: WorkspaceSettings;
  teams: readonly Team[];
}

export function ServiceLevelsPage({ api, canEdit }: { api: ServiceLevelsApi; canEdit: boolean }) {
  const { resource, retry, set } = useResource<Loaded>(
    async () => {
      const [settings, teams] = await Promise.all([api.getSettings(), api.listTeams().then((page) => page.data, () => [])]);
      return { settings, teams };
    },
    'service-levels',
    'Could not load the settings.',
  );
  if (resource.status !== 'ready') return <LoadState resource={resource} what="settings" onRetry={retry} />;
  const { settings, teams } = resource.value;
  const onSaved = (next: WorkspaceSettings) => set({ settings: next, teams });
  return (
    <div class="settings-page">
      <ServiceLevelsForm api={api} saved={settings} canEdit={canEdit} onSaved={onSaved} />
      <TeamOverrides api={api} saved={settings} teams={teams} canEdit={canEdit} onSaved={onSaved} />
    </div>
  );
}
