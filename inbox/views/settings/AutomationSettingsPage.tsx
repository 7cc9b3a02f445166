/**
 * `#/settings/automation`: the automation rules, with what their selects and
 * summaries need — teams, agents, tags, canned replies, webhooks and segments.
 * Lists an agent may not read (webhooks are for admins) load as empty.
 */
import type { AutomationRule, Segment } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { type AutomationReferences, rulesInOrder } from '../../state/automation-labels.js';
import { LoadState } from '../content/LoadState.js';
import { useResource } from '../content/use-resource.js';
import { AutomationRulesSection } from './AutomationRulesSection.js';
import '../../styles/automation.css';

export type AutomationSettingsApi = Pick<
  InboxApi,
  | 'listAutomationRules'
  | 'createAutomationRule'
  | 'updateAutomationRule'
  | 'deleteAutomationRule'
  | 'reorderAutomationRules'
  | 'listAutomationRuns'
  | 'listTeams'
  | 'listAgents'
  | 'listTags'
  | 'listCannedReplies'
  | 'listWebhooks'
  | 'listSegments'
>;

interface Loaded {
  rules: readonly AutomationRule[];
  refs: AutomationReferences;
  segments: readonly Segment[];
}

/** A list that may be refused (a role that cannot read it) is empty rather than failing the page. */
const orEmpty = <T,>(load: () => Promise<{ data: T[] }>): Promise<T[]> => load().then((page) => page.data, () => []);

export function AutomationSettingsPage({ api, canEdit }: { api: AutomationSettingsApi; canEdit: boolean }) {
  const { resource, retry, set } = useResource<Loaded>(
    async () => {
      const [rules, teams, agents, tags, cannedReplies, webhooks, segments] = await Promise.all([
        api.listAutomationRules(),
        orEmpty(() => api.listTeams()),
        orEmpty(() => api.listAgents()),
        orEmpty(() => api.listTags()),
        orEmpty(() => api.listCannedReplies()),
        orEmpty(() => api.listWebhooks()),
        orEmpty(() => api.listSegments()),
      ]);
      return { rules: rulesInOrder(rules.data), refs: { teams, agents, tags, cannedReplies, webhooks }, segments };
    },
    'automation',
    'Could not load the automation rules.',
  );
  if (resource.status !== 'ready') return <LoadState resource={resource} what="automation rules" onRetry={retry} />;
  const loaded = resource.value;
  return (
    <div class="settings-page">
      <AutomationRulesSection api={api} rules={loaded.rules} refs={loaded.refs} segments={loaded.segments} canEdit={canEdit} onChange={(rules) => set({ ...loaded, rules })} />
    </div>
  );
}
