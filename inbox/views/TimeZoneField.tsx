/**
 * A labelled time zone picker: a `<select>` of the zones this browser knows
 * (the saved zone is kept even when the browser doesn't list it), or a text
 * box where `Intl.supportedValuesOf` is missing.
 */
import { useMemo } from 'preact/hooks';
import { supportedTimeZones } from '../state/time-zone-options.js';
import { Field } from './content/Field.js';

export interface TimeZoneFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(zone: string): void;
  error?: string;
  hint?: string;
  /** Replaced in tests to check the text box fallback. */
  zones?: string[] | null;
}

export function TimeZoneField({ id, label, value, onChange, error, hint, zones: given }: TimeZoneFieldProps) {
  const known = useMemo(() => (given !== undefined ? given : supportedTimeZones()), [given]);
  const zones = known && value && !known.includes(value) ? [value, ...known] : known;
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {(aria) =>
        zones ? (
          <select {...aria} class="select" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        ) : (
          <input {...aria} class="input" type="text" spellcheck={false} autocomplete="off" placeholder="Europe/Berlin" value={value} onInput={(e) => onChange(e.currentTarget.value)} />
        )
      }
    </Field>
  );
}
