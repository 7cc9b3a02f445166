/** "Delivery" of the message editor: the shared trigger, frequency, schedule and priority, with the message's goal. */
import { DeliveryFields } from '../content/DeliveryFields.js';
import { Field } from '../content/Field.js';
import type { MessageFieldsProps } from './MessageContentFields.js';

export function MessageDeliveryFields({ draft, edit, errors }: MessageFieldsProps) {
  return (
    <DeliveryFields idPrefix="message" noun="message" draft={draft} edit={edit} errors={errors} frequencyModes={['once', 'repeat', 'until_goal']}>
      <div class="editor-row">
        <Field id="message-goal-event" label="Goal event" error={errors.goalEvent} hint="Optional: the event that means it worked, such as upgraded.">
          {(aria) => <input {...aria} class="input" type="text" spellcheck={false} value={draft.goalEvent} onInput={(e) => edit('goalEvent', e.currentTarget.value)} />}
        </Field>
        <Field id="message-goal-days" label="Goal within days" error={errors.goalWithinDays}>
          {(aria) => (
            <input
              {...aria}
              class="input settings__number"
              type="number"
              min={1}
              max={365}
              step={1}
              disabled={draft.goalEvent.trim() === ''}
              value={draft.goalWithinDays}
              onInput={(e) => edit('goalWithinDays', e.currentTarget.value)}
            />
          )}
        </Field>
      </div>
    </DeliveryFields>
  );
}
