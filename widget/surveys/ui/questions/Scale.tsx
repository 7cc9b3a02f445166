/**
 * A row of radios from `from` to `to` (NPS 0–10, CES 1–7, CSAT 1–5, rating
 * 1–N), each drawn as a button-like cell. Every radio is named by its number
 * alone ("0"…"10"), whatever the cell shows (a face, a star), so a screen
 * reader says "7, radio button, 8 of 11"; the end labels ("Not likely")
 * describe the two end radios.
 */
import { useId } from 'preact/hooks';
import { moveInRadioGroup } from './keys.js';
import type { QuestionProps } from './types.js';

export interface ScaleProps extends QuestionProps {
  from: number;
  to: number;
  kind: 'numbers' | 'stars' | 'faces';
  /** What a cell shows; the number itself when absent. */
  glyph?(n: number): string;
  low?: string;
  high?: string;
}

export function Scale({ from, to, kind, glyph, low, high, value, onChange, labelId, name, required }: ScaleProps) {
  const id = useId();
  const chosen = typeof value === 'number' ? value : null;
  const values = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const describedBy = (n: number) => (n === from && low ? `${id}-low` : n === to && high ? `${id}-high` : undefined);
  return (
    <div
      class={`ps-scale ps-${kind}`}
      role="radiogroup"
      aria-labelledby={labelId}
      aria-required={required ? 'true' : undefined}
      onKeyDown={moveInRadioGroup}
    >
      <div class="ps-cells">
        {values.map((n) => (
          // Stars light up to the chosen one; the other kinds mark only the chosen cell.
          <label key={n} class={kind === 'stars' && chosen !== null && n <= chosen ? 'ps-cell ps-lit' : 'ps-cell'}>
            <input
              type="radio"
              class="ps-input"
              name={name}
              value={String(n)}
              checked={chosen === n}
              aria-label={String(n)}
              aria-describedby={describedBy(n)}
              onChange={() => onChange(n)}
            />
            <span class="ps-face" aria-hidden="true">
              {glyph ? glyph(n) : n}
            </span>
          </label>
        ))}
      </div>
      {(low || high) && (
        <div class="ps-ends">
          <span id={`${id}-low`}>{low}</span>
          <span id={`${id}-high`}>{high}</span>
        </div>
      )}
    </div>
  );
}
