/** `#/settings/assignment`: the assignment rules, and what happens to an offline agent's conversations. */
import type { AssignmentRule, Segment, Team } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { inOrder } from '../../state/assignment-rule-form.js';
import { LoadState } from '../content/LoadState.js';
import { useResource } from '../content/use-resource.js';
import { AssignmentRulesSection, type AssignmentRulesApi } from './AssignmentRulesSection.js';
import { ReassignSetting } from './ReassignSetting.js';

export type AssignmentSettingsApi = AssignmentRulesApi & Pick<InboxApi, 'listTeams' | 'listSegments' | 'getSettings' | 'updateSettings'>;

interface Loaded {
  rules: readonly AssignmentRule[];
  teams: readonly Team[];
  segments: readonly Segment[];
  reassignOnOffline: boolean;
}

export function AssignmentSettingsPage({ api, canEdit }: { api: AssignmentSettingsApi; canEdit: boolean }) {
  const { resource, retry, set } = useResource<Loaded>(
    async () => {
      const [rules, teams, segments, settings] = await Promise.all([
        api.listAssignmentRules(),
        api.listTeams(),
        // Segments only feed the condition builder's "Segment" rows.
        api.listSegments().then((page) => page.data, () => []),
        api.getSettings(),
      ]);
      return { rules: inOrder(rules.data), teams: teams.data, segments, reassignOnOffline: settings.reassignOnOffline };
    },
    'assignment',
    'Could not load the assignment rules.',
  );
  if (resource.status !== 'ready') return <LoadState resource={resource} what="assignment rules" onRetry={retry} />;
  const loaded = resource.value;
  return (
    <div class="settings-page">
      <AssignmentRulesSection
        api={api}
        rules={loaded.rules}
        teams={loaded.teams}
        segments={loaded.segments}
        canEdit={canEdit}
        onChange={(rules) => set({ ...loaded, rules })}
      />
      <ReassignSetting api={api} value={loaded.reassignOnOffline} canEdit={canEdit} onSaved={(reassignOnOffline) => set({ ...loaded, reassignOnOffline })} />
    </div>
  );
}
