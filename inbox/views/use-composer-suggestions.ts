/**
 * The composer's suggestion list: canned replies for `/shortcut` at the start
 * of a reply, teammates for `@name` in a note. The textarea keeps focus and
 * stays a textbox (the e2e and screen readers know it as "Reply"); it points
 * at the list with aria-controls / aria-activedescendant, like a combobox.
 */
import type { TargetedKeyboardEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  matchAgents,
  matchCannedReplies,
  mentionOf,
  mentionTrigger,
  replaceTrigger,
  slashTrigger,
  type Replacement,
  type Trigger,
} from '../state/composer-suggestions.js';
import { listboxAction } from '../state/listbox-keys.js';
import { useInbox } from './inbox-context.js';
import type { SuggestionOption } from './SuggestionListbox.js';

export type ComposerMode = 'reply' | 'note';

export interface ComposerSuggestions {
  listId: string;
  label: string;
  options: readonly SuggestionOption[];
  active: number;
  open: boolean;
  /** The text or the caret moved. */
  track(text: string, caret: number): void;
  /** Handles the list's keys; true when the key was the list's. */
  onKeyDown(event: TargetedKeyboardEvent<HTMLTextAreaElement>): boolean;
  pick(index: number): void;
}

export interface SuggestionOptions {
  mode: ComposerMode;
  conversationId: string;
  text: string;
  /** Puts the chosen text in the composer, the caret where it says. */
  replace(next: Replacement): void;
  onError(message: string): void;
}

export function useComposerSuggestions({ mode, conversationId, text, replace, onError }: SuggestionOptions): ComposerSuggestions {
  const inbox = useInbox();
  const [caret, setCaret] = useState(text.length);
  const [active, setActive] = useState(0);
  /** Escape closes the list for the trigger at this position until it changes. */
  const [dismissed, setDismissed] = useState<number | null>(null);
  const latest = useRef(text);
  latest.current = text;

  const trigger: Trigger | null = mode === 'reply' ? slashTrigger(text, caret) : mentionTrigger(text, caret);
  const replies = mode === 'reply' && trigger ? matchCannedReplies(inbox.cannedReplies.replies.value, trigger.query) : [];
  const agents = mode === 'note' && trigger ? matchAgents(inbox.agents.value, trigger.query, inbox.agent.id) : [];
  const options: SuggestionOption[] =
    mode === 'reply'
      ? replies.map((reply) => ({ key: reply.id, label: `/${reply.shortcut}`, hint: reply.title }))
      : agents.map((agent) => ({ key: agent.id, label: agent.name, hint: agent.email }));
  const open = trigger !== null && dismissed !== trigger.start && options.length > 0;
  const wantsReplies = mode === 'reply' && trigger !== null;

  useEffect(() => {
    if (wantsReplies) void inbox.cannedReplies.ensure();
  }, [inbox, wantsReplies]);

  // A new query starts at the first option again.
  const query = trigger?.query ?? null;
  useEffect(() => setActive(0), [query, mode]);

  function pick(index: number): void {
    if (!trigger) return;
    const at = caret;
    const typed = text.slice(trigger.start, at);
    if (mode === 'note') {
      const agent = agents[index];
      if (agent) replace(replaceTrigger(text, trigger, at, mentionOf(agent.name, text.slice(at))));
      return;
    }
    const reply = replies[index];
    if (!reply) return;
    inbox.cannedReplies.render(reply.id, conversationId).then(
      (body) => {
        // Typed on meanwhile? Then the `/…` is no longer there to replace.
        const now = latest.current;
        if (now.slice(trigger.start, at) === typed) replace(replaceTrigger(now, trigger, at, body));
      },
      (error: unknown) => onError(`Could not insert /${reply.shortcut}: ${error instanceof Error ? error.message : 'try again.'}`),
    );
  }

  return {
    listId: `composer-suggestions-${mode}`,
    label: mode === 'reply' ? 'Canned replies' : 'Mention a teammate',
    options,
    active,
    open,
    track(nextText, nextCaret) {
      setCaret(nextCaret);
      const nextTrigger = mode === 'reply' ? slashTrigger(nextText, nextCaret) : mentionTrigger(nextText, nextCaret);
      if (nextTrigger?.start !== dismissed) setDismissed(null);
    },
    onKeyDown(event) {
      if (!open || event.isComposing) return false;
      const action = listboxAction(event.key, active, options.length);
      if (!action) return false;
      event.preventDefault();
      if (action.type === 'move') setActive(action.index);
      else if (action.type === 'close') setDismissed(trigger?.start ?? null);
      else pick(action.index < 0 ? 0 : action.index);
      return true;
    },
    pick,
  };
}
