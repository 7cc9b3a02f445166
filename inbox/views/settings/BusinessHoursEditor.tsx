/**
 * A business hours schedule: on or off (off = always open), the time zone,
 * and per weekday its opening intervals (from–to, at most six; "Closed" when
 * none), with "Add interval" and "Remove" per row. Focus follows the rows:
 * to the new row's first time, or to the day's "Add interval" after a removal.
 */
import { useEffect, useState } from 'preact/hooks';
import { WEEKDAYS, type Weekday } from '../../../protocol/inbox/business-hours.js';
import {
  addInterval,
  editInterval,
  MAX_INTERVALS,
  removeInterval,
  runsPastMidnight,
  WEEKDAY_LABELS,
  type HoursDraft,
  type HoursErrors,
} from '../../state/business-hours-form.js';
import { TimeZoneField } from '../TimeZoneField.js';

export interface BusinessHoursEditorProps {
  /** Unique on the page. */
  idPrefix: string;
  legend: string;
  /** The on/off box: "Set business hours", "Own business hours for this team". */
  toggleLabel: string;
  /** What off means here. */
  offHint: string;
  draft: HoursDraft;
  onChange(draft: HoursDraft): void;
  errors: HoursErrors | null;
}

export function BusinessHoursEditor({ idPrefix, legend, toggleLabel, offHint, draft, onChange, errors }: BusinessHoursEditorProps) {
  const [focusId, setFocusId] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (focusId) document.getElementById(focusId.id)?.focus();
  }, [focusId]);
  const rowId = (day: Weekday, key: number, part: string) => `${idPrefix}-${day}-${key}-${part}`;

  return (
    <fieldset class="hours-editor">
      <legend class="field__label hours-editor__legend">{legend}</legend>
      <label class="settings__choice">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => onChange({ ...draft, enabled: e.currentTarget.checked })} />
        {toggleLabel}
      </label>
      {!draft.enabled ? (
        <p class="settings__hint settings__hint--indented">{offHint}</p>
      ) : (
        <>
          <TimeZoneField
            id={`${idPrefix}-tz`}
            label="Time zone"
            value={draft.timezone}
            onChange={(timezone) => onChange({ ...draft, timezone })}
            error={errors?.get('timezone')}
          />
          <div class="hours-editor__days">
            {WEEKDAYS.map((day) => {
              const label = WEEKDAY_LABELS[day];
              const rows = draft.days[day];
              const addId = `${idPrefix}-${day}-add`;
              return (
                <div key={day} class="hours-day" role="group" aria-labelledby={`${idPrefix}-${day}-name`}>
                  <span id={`${idPrefix}-${day}-name`} class="hours-day__name">
                    {label}
                  </span>
                  <div class="hours-day__intervals">
                    {rows.length === 0 && <span class="hours-day__closed">Closed</span>}
                    {rows.map((row, i) => {
                      const error = errors?.get(row.key);
                      const errorId = rowId(day, row.key, 'error');
                      const aria = error ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {};
                      const place = `${label}, interval ${i + 1}`;
                      return (
                        <div key={row.key} class="hours-interval">
                          <label class="visually-hidden" for={rowId(day, row.key, 'start')}>
                            {place}, from
                          </label>
                          <input
                            id={rowId(day, row.key, 'start')}
                            class="input hours-interval__time"
                            type="time"
                            value={row.start}
                            onInput={(e) => onChange(editInterval(draft, day, row.key, { start: e.currentTarget.value }))}
                            {...aria}
                          />
                          <span aria-hidden="true">–</span>
                          <label class="visually-hidden" for={rowId(day, row.key, 'end')}>
                            {place}, to
                          </label>
                          <input
                            id={rowId(day, row.key, 'end')}
                            class="input hours-interval__time"
                            type="time"
                            value={row.end}
                            onInput={(e) => onChange(editInterval(draft, day, row.key, { end: e.currentTarget.value }))}
                            {...aria}
                          />
                          {runsPastMidnight(row) && <span class="settings__hint">next day</span>}
                          <button
                            type="button"
                            class="button button--ghost"
                            onClick={() => {
                              onChange(removeInterval(draft, day, row.key));
                              setFocusId({ id: addId });
                            }}
                          >
                            Remove<span class="visually-hidden"> {place}</span>
                          </button>
                          {error && (
                            <p class="field__error hours-interval__error" id={errorId}>
                              {error}
                            </p>
                          )}
                        </div>
                      );
                    })}
                    {rows.length < MAX_INTERVALS && (
                      <button
                        id={addId}
                        type="button"
                        class="button button--ghost hours-day__add"
                        onClick={() => {
                          const next = addInterval(draft, day);
                          onChange(next);
                          const added = next.days[day][next.days[day].length - 1];
                          setFocusId({ id: rowId(day, added.key, 'start') });
                        }}
                      >
                        Add interval<span class="visually-hidden"> to {label}</span>
                      </button>
                    )}
                  </div>
                </div>
              );
            })}
          </div>
          <p class="settings__hint">An interval that ends at or before its start runs past midnight; an end of 00:00 is midnight.</p>
        </>
      )}
    </fieldset>
  );
}
