/**
 * Fills `{{user.name}}`-style placeholders in a markdown body with what we know
 * about the contact, before the body is sent and rendered as markdown.
 *
 * @example
 * personalize('Hi {{ user.first_name | fallback: "there" }}, your plan is {{user.plan}}.', {
 *   user: { name: 'Ana Lima', first_name: 'Ana', email: null, traits: { plan: 'pro' } },
 * });
 * // 'Hi Ana, your plan is pro.'
 *
 * Names, emails and traits are written by end users (or by whatever the host
 * app passes to `identify`), so every inserted value — fallbacks too — is
 * escaped as markdown text: a contact named `[click](http://evil)` or
 * `**boss**` reads as exactly that, it never becomes a link or bold text in a
 * message the workspace sent. The escaping follows what `widget/markdown`
 * treats as syntax (see `escapeMarkdown`).
 *
 * Known limits: a placeholder inside a code span or fence, or inside a link
 * destination, is escaped all the same, so the backslashes show up there
 * (`[me](https://x.test/u/{{user.id}})` gets `\-` in the URL). Personalise link
 * text, not URLs.
 */

export const PERSONALIZE_LIMITS = {
  /** Longest body accepted (the content schemas' `body` limit). */
  body: 10_000,
  /** Longest value inserted per placeholder, before escaping. */
  value: 200,
} as const;

export type PersonalizationTrait = string | number | boolean | null;

export interface PersonalizationVars {
  user: {
    name: string | null;
    first_name: string | null;
    email: string | null;
    traits: Record<string, PersonalizationTrait>;
  };
  workspace?: { name: string };
  /**
   * The agent sending (canned replies): `{{agent.name}}`, `{{agent.first_name}}`.
   * Without it `agent.*` placeholders are left as written, as before.
   */
  agent?: { name: string | null; first_name: string | null };
}

/**
 * `{{ path }}` or `{{ path | fallback: "text" }}` (or `'text'`). Every `[ \t]*`
 * is followed by a character the part before it cannot contain, and no group
 * can match the same text two ways, so a failed match costs at most the length
 * of its own run: the whole scan stays linear. A fallback over 200 characters
 * does not match, so such a placeholder is left as written.
 */
const PLACEHOLDER = /\{\{[ \t]*([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)[ \t]*(?:\|[ \t]*fallback[ \t]*:[ \t]*(?:"([^"\n]{0,200})"|'([^'\n]{0,200})')[ \t]*)?\}\}/g;

/** Fields of `user` itself; any other `user.<key>` is a trait. */
const USER_FIELDS = ['name', 'first_name', 'email'] as const;
type UserField = (typeof USER_FIELDS)[number];
const isUserField = (key: string): key is UserField => (USER_FIELDS as readonly string[]).includes(key);

/**
 * Every ASCII character `widget/markdown` reads as syntax, inline or at the
 * start of a line: code, emphasis, strike, links and images, headings, lists,
 * quotes, placeholders (`{{`), and `:` so `http://…` in a value cannot become
 * a bare link. The parser turns `\` + any ASCII punctuation into that
 * character, so over-escaping costs nothing visible.
 */
const MARKDOWN_SYNTAX = /[\\`*_[\]()#+\-!<>|~{}:]/g;
/** `2024. was good` at the start of a line would open an ordered list. */
const LEADING_ORDINAL = /^(\d+)\./;
/** Line breaks and other control characters: a value stays on one line, so it cannot start a block. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SYNTAX, '\\$&').replace(LEADING_ORDINAL, '$1\\.');
}

/** Cut to `max` UTF-16 units without splitting a surrogate pair. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** One line, trimmed, capped; `''` means "no value". */
function cleanValue(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return ''; // null, and anything a loose JSON column might hold
  return truncate(value.replace(CONTROL, ' ').trim(), PERSONALIZE_LIMITS.value).trim();
}

/** The raw value for `path`, `null` when it names nothing known, `undefined` when it is not ours to fill. */
function lookup(path: string, vars: PersonalizationVars): unknown {
  const dot = path.indexOf('.');
  if (dot < 0) return undefined; // `{{user}}` names no value: not ours
  const root = path.slice(0, dot);
  const key = path.slice(dot + 1);
  if (root === 'workspace') return key === 'name' ? (vars.workspace?.name ?? null) : null;
  if (root === 'agent') return vars.agent ? (key === 'name' || key === 'first_name' ? vars.agent[key] : null) : undefined;
  if (root !== 'user') return undefined;
  if (isUserField(key)) return vars.user[key];
  // Own properties only: `{{user.constructor}}` or `{{user.__proto__}}` must not reach Object.prototype.
  const { traits } = vars.user;
  return Object.prototype.hasOwnProperty.call(traits, key) ? traits[key] : null;
}

function checkLength(body: string): void {
  if (body.length > PERSONALIZE_LIMITS.body) throw new RangeError(`a body has at most ${PERSONALIZE_LIMITS.body} characters`);
}

/**
 * The body with every `user.*` / `workspace.*` placeholder replaced by its
 * escaped value, or by its fallback (also escaped) when the value is missing,
 * null or blank. Other placeholders (`{{survey.link}}`) are left as written.
 * One pass: inserted text is never scanned for placeholders again.
 * Throws a `RangeError` for a body over `PERSONALIZE_LIMITS.body`.
 */
export function personalize(body: string, vars: PersonalizationVars): string {
  checkLength(body);
  return body.replace(PLACEHOLDER, (match: string, path: string, doubleQuoted?: string, singleQuoted?: string) => {
    const raw = lookup(path, vars);
    if (raw === undefined) return match;
    const value = cleanValue(raw) || cleanValue(doubleQuoted ?? singleQuoted ?? '');
    return escapeMarkdown(value);
  });
}

/**
 * The `user.*` keys a body reads, in order of first use (`['first_name', 'plan']`),
 * so the server loads only those traits. Throws like `personalize`.
 */
export function placeholderKeys(body: string): string[] {
  checkLength(body);
  const keys = new Set<string>();
  for (const [, path] of body.matchAll(PLACEHOLDER)) {
    if (path.startsWith('user.')) keys.add(path.slice('user.'.length));
  }
  return [...keys];
}
