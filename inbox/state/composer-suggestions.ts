/**
 * What the composer offers as the agent types, free of DOM: a canned reply
 * for `/shortcut` at the start of a reply, an agent for `@name` in a note.
 * Each trigger is read from the text up to the caret; choosing replaces just
 * that trigger and says where the caret goes next.
 */
import type { AgentProfile, CannedReply } from '../../protocol/index.js';

export const MAX_SUGGESTIONS = 8;
/** A trigger longer than this is prose, not a search. */
const MAX_QUERY = 40;

export interface Trigger {
  /** Where the trigger character (`/` or `@`) is. */
  start: number;
  /** What follows it, up to the caret. */
  query: string;
}

/** `/ref` typed at the very start of the reply box (one line, up to the caret). */
export function slashTrigger(text: string, caret: number): Trigger | null {
  const before = text.slice(0, caret);
  const match = /^\/([^\n]*)$/.exec(before);
  if (!match || match[1].length > MAX_QUERY) return null;
  return { start: 0, query: match[1] };
}

/** `@gra` just before the caret, the `@` at the start or after a space (an email's `@` is no mention). */
export function mentionTrigger(text: string, caret: number): Trigger | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at === -1) return null;
  if (at > 0 && !/\s/.test(before[at - 1])) return null;
  const query = before.slice(at + 1);
  if (query.length > MAX_QUERY || /[\n@]/.test(query) || /^\s/.test(query)) return null;
  return { start: at, query };
}

const lower = (s: string) => s.toLowerCase();

/** Shortcut starting with the query first, then shortcut or title containing it; by shortcut within each. */
export function matchCannedReplies(replies: readonly CannedReply[], query: string): CannedReply[] {
  const q = lower(query.trim());
  const byShortcut = (a: CannedReply, b: CannedReply) => a.shortcut.localeCompare(b.shortcut);
  const starts = replies.filter((r) => r.shortcut.startsWith(q)).sort(byShortcut);
  const contains = replies
    .filter((r) => !r.shortcut.startsWith(q) && (r.shortcut.includes(q) || lower(r.title).includes(q)))
    .sort(byShortcut);
  return [...starts, ...contains].slice(0, MAX_SUGGESTIONS);
}

/** Agents (not oneself) whose name or email has a word starting with the query; by name. */
export function matchAgents(agents: readonly Pick<AgentProfile, 'id' | 'name' | 'email'>[], query: string, selfId: string) {
  const q = lower(query);
  const fits = (agent: Pick<AgentProfile, 'name' | 'email'>) =>
    lower(agent.name).startsWith(q) || lower(agent.email).startsWith(q) || lower(agent.name).split(/\s+/).some((word) => word.startsWith(q));
  return agents
    .filter((agent) => agent.id !== selfId && fits(agent))
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, MAX_SUGGESTIONS);
}

export interface Replacement {
  text: string;
  caret: number;
}

/** Replaces the trigger (from its start to the caret) with `insert`. */
export function replaceTrigger(text: string, trigger: Trigger, caret: number, insert: string): Replacement {
  const next = text.slice(0, trigger.start) + insert + text.slice(caret);
  return { text: next, caret: trigger.start + insert.length };
}

/** `@Grace Hopper ` (no second space when one follows) — the server resolves mentions by name, the longest one winning. */
export function mentionOf(name: string, following = ''): string {
  return /^\s/.test(following) ? `@${name}` : `@${name} `;
}
