/**
 * A rule's actions as the editor holds them: one flat draft per action (every
 * field any type may need, typed as the form types them), each with a stable
 * `key` so focus and errors stay with their row when rows move; and the way
 * back to the protocol's actions, with what is missing said per row.
 */
import { AUTOMATION_LIMITS, type AutomationAction, type AutomationActionType, type Priority } from '../../protocol/index.js';

export interface ActionDraft {
  key: number;
  type: AutomationActionType;
  teamId: string;
  agentId: string;
  tagId: string;
  priority: Priority;
  cannedReplyId: string;
  webhookId: string;
  body: string;
  /** Snooze length as typed. */
  minutes: string;
}

let lastKey = 0;
const nextKey = (): number => ++lastKey;

export function newActionDraft(type: AutomationActionType = 'add_tag'): ActionDraft {
  return { key: nextKey(), type, teamId: '', agentId: '', tagId: '', priority: 'high', cannedReplyId: '', webhookId: '', body: '', minutes: '60' };
}

export function actionDraftFrom(action: AutomationAction): ActionDraft {
  const draft = newActionDraft(action.type);
  switch (action.type) {
    case 'assign':
      return { ...draft, teamId: action.team_id ?? '', agentId: action.agent_id ?? '' };
    case 'add_tag':
    case 'remove_tag':
      return { ...draft, tagId: action.tag_id };
    case 'set_priority':
      return { ...draft, priority: action.priority };
    case 'send_canned_reply':
      return { ...draft, cannedReplyId: action.canned_reply_id };
    case 'call_webhook':
      return { ...draft, webhookId: action.webhook_id };
    case 'add_note':
      return { ...draft, body: action.body };
    case 'snooze':
      return { ...draft, minutes: String(action.minutes) };
    default:
      return draft;
  }
}

/** The action, or what the row lacks. */
export function actionFromDraft(d: ActionDraft): { ok: true; action: AutomationAction } | { ok: false; error: string } {
  const need = (value: string, what: string) => (value ? null : `Choose ${what}.`);
  switch (d.type) {
    case 'assign':
      if (!d.teamId && !d.agentId) return { ok: false, error: 'Choose a team, an agent or both.' };
      return { ok: true, action: { type: 'assign', ...(d.teamId ? { team_id: d.teamId } : {}), ...(d.agentId ? { agent_id: d.agentId } : {}) } };
    case 'add_tag':
    case 'remove_tag': {
      const problem = need(d.tagId, 'a tag');
      return problem ? { ok: false, error: problem } : { ok: true, action: { type: d.type, tag_id: d.tagId } };
    }
    case 'set_priority':
      return { ok: true, action: { type: 'set_priority', priority: d.priority } };
    case 'send_canned_reply': {
      const problem = need(d.cannedReplyId, 'a canned reply');
      return problem ? { ok: false, error: problem } : { ok: true, action: { type: 'send_canned_reply', canned_reply_id: d.cannedReplyId } };
    }
    case 'call_webhook': {
      const problem = need(d.webhookId, 'a webhook');
      return problem ? { ok: false, error: problem } : { ok: true, action: { type: 'call_webhook', webhook_id: d.webhookId } };
    }
    case 'add_note': {
      if (!d.body.trim()) return { ok: false, error: 'Write the note.' };
      if (d.body.length > AUTOMATION_LIMITS.noteBody) return { ok: false, error: `At most ${AUTOMATION_LIMITS.noteBody} characters.` };
      return { ok: true, action: { type: 'add_note', body: d.body } };
    }
    case 'snooze': {
      const minutes = Number(d.minutes);
      if (!/^\d+$/.test(d.minutes.trim()) || minutes < 1 || minutes > AUTOMATION_LIMITS.snoozeMinutes) {
        return { ok: false, error: `A whole number of minutes, 1 to ${AUTOMATION_LIMITS.snoozeMinutes}.` };
      }
      return { ok: true, action: { type: 'snooze', minutes } };
    }
    case 'unassign':
    case 'close':
      return { ok: true, action: { type: d.type } };
  }
}

/** The list with the row at `key` moved one place up (-1) or down (1); unchanged at an end. */
export function moveAction(list: readonly ActionDraft[], key: number, delta: -1 | 1): ActionDraft[] {
  const from = list.findIndex((a) => a.key === key);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return next;
}

export function replaceAction(list: readonly ActionDraft[], key: number, change: Partial<Omit<ActionDraft, 'key'>>): ActionDraft[] {
  return list.map((a) => (a.key === key ? { ...a, ...change } : a));
}
