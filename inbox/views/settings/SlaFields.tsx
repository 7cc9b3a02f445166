/** The three SLA targets in minutes (empty = no target): first response, next response, resolution. */
import { SERVICE_LEVEL_LIMITS } from '../../../protocol/inbox/service-levels.js';
import { SLA_FIELD_LABELS, SLA_FIELDS, type SlaDraft, type SlaErrors } from '../../state/service-levels-form.js';
import { Field } from '../content/Field.js';

export interface SlaFieldsProps {
  idPrefix: string;
  legend: string;
  hint: string;
  draft: SlaDraft;
  onChange(draft: SlaDraft): void;
  errors: SlaErrors | null;
}

export function SlaFields({ idPrefix, legend, hint, draft, onChange, errors }: SlaFieldsProps) {
  return (
    <fieldset class="sla-fields" aria-describedby={`${idPrefix}-hint`}>
      <legend class="field__label">{legend}</legend>
      <p class="settings__hint" id={`${idPrefix}-hint`}>
        {hint}
      </p>
      <div class="sla-fields__row">
        {SLA_FIELDS.map((field) => (
          <Field key={field} id={`${idPrefix}-${field}`} label={`${SLA_FIELD_LABELS[field]} (minutes)`} error={errors?.[field]}>
            {(aria) => (
              <input
                {...aria}
                class="input settings__number"
                type="number"
                min={1}
                max={SERVICE_LEVEL_LIMITS.slaMinutes}
                step={1}
                placeholder="None"
                value={draft[field]}
                onInput={(e) => onChange({ ...draft, [field]: e.currentTarget.value })}
              />
            )}
          </Field>
        ))}
      </div>
    </fieldset>
  );
}
