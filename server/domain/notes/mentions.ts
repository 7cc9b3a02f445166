/**
 * `@Name` and `@email` mentions in an internal note, resolved against the
 * workspace's agents when the note is written (so renaming an agent later
 * doesn't change who a note notified).
 *
 * At each `@` the longest matching handle wins, so with agents "Ada" and "Ada
 * Lovelace", `@Ada Lovelace` mentions only the second. A handle must end at a
 * word boundary (`@Adam` is not `@Ada`), and an `@` inside a word (an email
 * address in the text, `ada@example.com`) starts no mention.
 *
 * @example findMentions('thanks @ada@example.com and @Grace Hopper!', agents) // [adaId, graceId]
 */

export interface MentionCandidate {
  id: string;
  name: string;
  email: string;
}

const WORD = /[\p{L}\p{N}_]/u;
const HANDLE_CHAR = /[\p{L}\p{N}_@+-]/u;

/** Agent ids mentioned in `body`, each once, in order of first mention. */
export function findMentions(body: string, agents: readonly MentionCandidate[]): string[] {
  const handles = agents
    .flatMap((a) => [a.email, a.name.trim()].filter((h) => h.length > 0).map((h) => ({ id: a.id, handle: h.toLowerCase() })))
    .sort((a, b) => b.handle.length - a.handle.length);
  const found: string[] = [];
  for (let at = body.indexOf('@'); at >= 0; at = body.indexOf('@', at + 1)) {
    const before = body[at - 1];
    if (before !== undefined && (WORD.test(before) || before === '.' || before === '+' || before === '-')) continue;
    const hit = handles.find(({ handle }) => body.slice(at + 1, at + 1 + handle.length).toLowerCase() === handle && endsHere(body, at + 1 + handle.length));
    if (!hit) continue;
    if (!found.includes(hit.id)) found.push(hit.id);
    at += hit.handle.length;
  }
  return found;
}

/** The handle ends at `end`: the text ends, or goes on with something that can't continue a name or address ("." ends a sentence). */
function endsHere(body: string, end: number): boolean {
  const next = body[end];
  if (next === undefined) return true;
  if (next === '.') return !WORD.test(body[end + 1] ?? '');
  return !HANDLE_CHAR.test(next);
}
