/**
 * The workspace's business hours, SLA targets and away message, saved with a
 * PATCH of only those keys that changed (the messenger settings are another
 * form). Read-only for agents who are not admins.
 */
import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import type { WorkspaceSettings } from '../../../protocol/index.js';
import { SERVICE_LEVEL_LIMITS } from '../../../protocol/inbox/service-levels.js';
import type { InboxApi } from '../../api/endpoints.js';
import { browserTimeZone } from '../../state/report-range.js';
import {
  DEFAULT_AWAY_MESSAGE,
  serviceLevelsDraftFrom,
  serviceLevelsPatch,
  type ServiceLevelsDraft,
  type ServiceLevelsErrors,
} from '../../state/service-levels-form.js';
import { errorText } from '../content/use-resource.js';
import { BusinessHoursEditor } from './BusinessHoursEditor.js';
import { SlaFields } from './SlaFields.js';

export interface ServiceLevelsFormProps {
  api: Pick<InboxApi, 'updateSettings'>;
  saved: WorkspaceSettings;
  canEdit: boolean;
  onSaved(settings: WorkspaceSettings): void;
}

export function ServiceLevelsForm({ api, saved, canEdit, onSaved }: ServiceLevelsFormProps) {
  const [draft, setDraft] = useState<ServiceLevelsDraft>(() => serviceLevelsDraftFrom(saved, browserTimeZone()));
  const [errors, setErrors] = useState<ServiceLevelsErrors | null>(null);
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState('');
  const [saving, setSaving] = useState(false);
  const edit = (change: Partial<ServiceLevelsDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setNotice('');
  };

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (saving || !canEdit) return;
    const checked = serviceLevelsPatch(saved, draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFailure('Fix the marked fields first.');
      return;
    }
    setErrors(null);
    setFailure('');
    if (Object.keys(checked.patch).length === 0) {
      setNotice('No changes to save.');
      return;
    }
    setSaving(true);
    try {
      const result = await api.updateSettings(checked.patch);
      onSaved(result);
      setDraft(serviceLevelsDraftFrom(result, draft.hours.timezone));
      setNotice('Business hours, SLA and away message saved.');
    } catch (error) {
      setFailure(errorText(error, 'Could not save.'));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="settings__section service-levels" aria-labelledby="service-levels-title" onSubmit={submit} noValidate>
      <h2 id="service-levels-title" class="settings__section-title">
        Business hours, SLA and away message
      </h2>
      <fieldset class="settings__fields" disabled={!canEdit}>
        <legend class="visually-hidden">Workspace service levels</legend>
        <BusinessHoursEditor
          idPrefix="hours"
          legend="Business hours"
          toggleLabel="Set business hours"
          offHint="Always open: SLA targets count every minute and no away message is sent."
          draft={draft.hours}
          onChange={(hours) => edit({ hours })}
          errors={errors?.hours ?? null}
        />
        <SlaFields
          idPrefix="sla"
          legend="SLA targets"
          hint="Counted in business hours when there are business hours. Leave a target empty for none."
          draft={draft.sla}
          onChange={(sla) => edit({ sla })}
          errors={errors?.sla ?? null}
        />
        <div class="field">
          <label class="field__label" for="away-message">
            Away message
          </label>
          <textarea
            id="away-message"
            class="input settings__textarea"
            rows={3}
            maxLength={SERVICE_LEVEL_LIMITS.awayMessage}
            placeholder={DEFAULT_AWAY_MESSAGE}
            value={draft.awayMessage}
            onInput={(e) => edit({ awayMessage: e.currentTarget.value })}
            aria-describedby="away-message-hint"
          />
          <p class="settings__hint" id="away-message-hint">
            Sent to a visitor who starts a conversation outside business hours. <code>{'{day}'}</code>, <code>{'{time}'}</code> and{' '}
            <code>{'{timezone}'}</code> become when the team is back, in the visitor’s language. Leave it empty for the default (shown above,
            translated).
          </p>
        </div>
      </fieldset>
      {failure && (
        <p class="settings__error" role="alert">
          {failure}
        </p>
      )}
      <div class="settings__actions">
        <button type="submit" class="button button--primary" disabled={!canEdit} aria-busy={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <p class="settings__saved" role="status">
          {notice}
        </p>
      </div>
    </form>
  );
}
