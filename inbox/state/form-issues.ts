/**
 * Turning validation issues (ours from a zod schema, or the server's
 * `validation_failed` message "trigger.event: an event trigger names its
 * event") into per-field errors of a form. Shared by the content editors.
 */
import type { z } from 'zod';

export interface Issue {
  path: readonly PropertyKey[];
  text: string;
}

/** Field → message, only for fields with a problem. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** "steps.2.then: must be a later step" → { path: ['steps', 2, 'then'], text }; null when the message names no field. */
export function parseServerIssue(message: string): Issue | null {
  const match = /^([A-Za-z_][\w]*(?:\.[\w-]+)*): (.+)$/s.exec(message);
  if (!match || match[1] === 'input') return null;
  const path = match[1].split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  return { path, text: match[2] };
}

export function zodIssues(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({ path: issue.path, text: issue.message }));
}

/** The first issue of each field, where `fieldOf` says which field a path belongs to (null: none of them). */
export function errorsByField<F extends string>(issues: readonly Issue[], fieldOf: (path: readonly PropertyKey[]) => F | null): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (field !== null && errors[field] === undefined) errors[field] = sentence(issue.text);
  }
  return errors;
}

/** Schema messages start lowercase ("an event trigger names its event"): show them as sentences. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed[0].toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** Equal as JSON values, whatever the key order (the server may return keys in its own order). */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** Only the keys of `next` whose value differs from `saved`'s: a PATCH that leaves the rest alone. */
export function changedKeys<T extends object>(saved: object, next: T): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(next) as Array<keyof T>) {
    const before = (saved as Record<PropertyKey, unknown>)[key as PropertyKey];
    if (!sameJson(next[key], before ?? null)) patch[key] = next[key];
  }
  return patch;
}
