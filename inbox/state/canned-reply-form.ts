/**
 * The canned reply form's model: the draft as typed, what is wrong with it
 * (the server's own rules, checked before sending), and the PATCH of what an
 * edit changed.
 */
import type { CannedReply, CreateCannedReplyInput, UpdateCannedReplyInput } from '../../protocol/index.js';

/** Mirrors INBOX_LIMITS in protocol/inbox-tools/schemas.ts (a value import there would bundle zod). */
export const CANNED_LIMITS = { shortcut: 40, title: 100, body: 10_000 } as const;

export interface CannedReplyDraft {
  shortcut: string;
  title: string;
  body: string;
}

export type CannedReplyField = keyof CannedReplyDraft;

export const EMPTY_DRAFT: CannedReplyDraft = { shortcut: '', title: '', body: '' };

export function draftOf(reply: CannedReply): CannedReplyDraft {
  return { shortcut: reply.shortcut, title: reply.title, body: reply.body };
}

/** What each field needs before the draft can be saved; empty when it can. */
export function cannedReplyProblems(draft: CannedReplyDraft): Partial<Record<CannedReplyField, string>> {
  const problems: Partial<Record<CannedReplyField, string>> = {};
  const shortcut = draft.shortcut.trim();
  if (!shortcut) problems.shortcut = 'Give it a shortcut.';
  else if (!/^[a-z0-9-]+$/.test(shortcut)) problems.shortcut = 'Use lowercase letters, digits and "-" only.';
  else if (shortcut.length > CANNED_LIMITS.shortcut) problems.shortcut = `At most ${CANNED_LIMITS.shortcut} characters.`;
  if (!draft.title.trim()) problems.title = 'Give it a title.';
  else if (draft.title.trim().length > CANNED_LIMITS.title) problems.title = `At most ${CANNED_LIMITS.title} characters.`;
  if (!draft.body.trim()) problems.body = 'Write the reply.';
  else if (draft.body.length > CANNED_LIMITS.body) problems.body = `At most ${CANNED_LIMITS.body.toLocaleString()} characters.`;
  return problems;
}

export function toCreateInput(draft: CannedReplyDraft): CreateCannedReplyInput {
  return { shortcut: draft.shortcut.trim(), title: draft.title.trim(), body: draft.body };
}

/** Only the fields the edit changed. */
export function toUpdateInput(saved: CannedReply, draft: CannedReplyDraft): UpdateCannedReplyInput {
  const wanted = toCreateInput(draft);
  const patch: UpdateCannedReplyInput = {};
  if (wanted.shortcut !== saved.shortcut) patch.shortcut = wanted.shortcut;
  if (wanted.title !== saved.title) patch.title = wanted.title;
  if (wanted.body !== saved.body) patch.body = wanted.body;
  return patch;
}
