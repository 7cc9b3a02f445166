/** `#/settings/privacy`: the workspace's privacy settings (PrivacyForm), loaded like the other settings pages. */
import type { WorkspaceSettings } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { LoadState } from '../content/LoadState.js';
import { useResource } from '../content/use-resource.js';
import { PrivacyForm } from './PrivacyForm.js';

export function PrivacySettingsPage({ api, canEdit }: { api: Pick<InboxApi, 'getSettings' | 'updateSettings'>; canEdit: boolean }) {
  const { resource, retry, set } = useResource<WorkspaceSettings>(() => api.getSettings(), 'privacy', 'Could not load the settings.');
  if (resource.status !== 'ready') return <LoadState resource={resource} what="settings" onRetry={retry} />;
  return (
    <div class="settings-page">
      <PrivacyForm api={api} saved={resource.value} canEdit={canEdit} onSaved={set} />
    </div>
  );
}
