/** The workspace's `reassignOnOffline`: saved as soon as it is switched (`PATCH /settings` with that key alone). */
import { useState } from 'preact/hooks';
import type { InboxApi } from '../../api/endpoints.js';
import { errorText } from '../content/use-resource.js';

export interface ReassignSettingProps {
  api: Pick<InboxApi, 'updateSettings'>;
  value: boolean;
  canEdit: boolean;
  onSaved(value: boolean): void;
}

export function ReassignSetting({ api, value, canEdit, onSaved }: ReassignSettingProps) {
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState('');
  return (
    <section class="settings__section" aria-labelledby="reassign-title">
      <h2 id="reassign-title" class="settings__section-title">
        When an agent goes offline
      </h2>
      <label class="settings__choice">
        <input
          type="checkbox"
          checked={value}
          disabled={!canEdit}
          aria-busy={saving}
          aria-describedby="reassign-hint"
          onChange={(e) => {
            const wanted = e.currentTarget.checked;
            setSaving(true);
            setNotice('');
            api.updateSettings({ reassignOnOffline: wanted }).then(
              (saved) => {
                onSaved(saved.reassignOnOffline);
                setNotice(saved.reassignOnOffline ? 'Open conversations will go back to their team.' : 'Conversations will stay with offline agents.');
              },
              (failure: unknown) => {
                // The box goes back to what is saved.
                onSaved(value);
                setNotice(errorText(failure, 'Could not save the setting.'));
              },
            ).finally(() => setSaving(false));
          }}
        />
        Reassign open conversations when an agent goes offline
      </label>
      <p class="settings__hint settings__hint--indented" id="reassign-hint">
        After an agent’s last inbox has been closed for a minute, each of their open conversations goes back to its team’s strategy: to another
        online member with room, or to nobody. Snoozed and closed conversations stay with the agent.
      </p>
      <p class="settings__saved" role="status">
        {notice}
      </p>
    </section>
  );
}
