/**
 * A conversation's tag set as the agent edits it, before it is sent whole with
 * `PUT /conversations/:id/tags`. Tags are one per name regardless of case (the
 * server keeps the first spelling), so every rule here compares lowercased.
 */

/** Mirrors INBOX_LIMITS in protocol/inbox-tools/schemas.ts (a value import there would bundle zod). */
export const MAX_TAGS_PER_CONVERSATION = 20;
export const MAX_TAG_LENGTH = 50;

const key = (name: string) => name.trim().toLowerCase();

export function hasTag(tags: readonly string[], name: string): boolean {
  const wanted = key(name);
  return tags.some((tag) => key(tag) === wanted);
}

/** Why a name can't be added, or null when it can. */
export function tagProblem(tags: readonly string[], name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'Type a tag name.';
  if (trimmed.length > MAX_TAG_LENGTH) return `A tag has at most ${MAX_TAG_LENGTH} characters.`;
  if (hasTag(tags, trimmed)) return `“${trimmed}” is already on this conversation.`;
  if (tags.length >= MAX_TAGS_PER_CONVERSATION) return `At most ${MAX_TAGS_PER_CONVERSATION} tags per conversation.`;
  return null;
}

/** The set with `name` added (trimmed), or the same array when it can't be. */
export function addTag(tags: readonly string[], name: string): readonly string[] {
  return tagProblem(tags, name) ? tags : [...tags, name.trim()];
}

export function removeTag(tags: readonly string[], name: string): readonly string[] {
  const wanted = key(name);
  return tags.filter((tag) => key(tag) !== wanted);
}

/**
 * Known tags to offer for what is typed: not already on the conversation,
 * names starting with the text first, then names containing it, each by name.
 */
export function tagSuggestions(known: readonly string[], typed: string, present: readonly string[], limit = 8): string[] {
  const text = key(typed);
  const candidates = known.filter((name) => !hasTag(present, name) && key(name).includes(text));
  const starts = candidates.filter((name) => key(name).startsWith(text));
  const contains = candidates.filter((name) => !key(name).startsWith(text));
  const byName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });
  return [...starts.sort(byName), ...contains.sort(byName)].slice(0, limit);
}
