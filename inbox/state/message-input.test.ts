import { describe, expect, it } from 'vitest';
import type { InAppMessage } from '../../protocol/index.js';
import { isoToLocalInput, localInputToIso, messageDraftFrom, newMessageDraft, type MessageDraft } from './message-draft.js';
import { messageInputFrom, messagePatch, messageServerErrors } from './message-input.js';
import { ruleDraftFrom } from './rule-check.js';
import type { GroupNode } from './rule-tree.js';

const saved: InAppMessage = {
  id: 'msg_1',
  name: 'Welcome',
  format: 'modal',
  body: 'Hi {{user.name | fallback: "there"}}',
  audience: { all: [{ attr: 'plan', op: 'eq', value: 'pro' }] },
  trigger: { on: 'page', page: '/billing/*' },
  frequency: { max_per_contact: 3, every_days: 7, until_goal: true },
  goal: { event: 'upgraded', within_days: 14 },
  schedule: { start_at: '2025-03-01T09:00:00.000Z', end_at: '2025-04-01T09:00:00.000Z' },
  priority: 5,
  status: 'live',
  sender_id: null,
  position: null,
  dismissible: true,
  button: { label: 'Upgrade', url: 'https://example.com/upgrade' },
  image_url: 'https://cdn.example.com/hero.png',
  selector: null,
  created_at: '2025-01-01T00:00:00.000Z',
  updated_at: '2025-01-01T00:00:00.000Z',
};

function input(draft: MessageDraft) {
  const result = messageInputFrom(draft);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.fields));
  return result.input;
}

describe('message form ↔ input', () => {
  it('round-trips a saved message: nothing to PATCH', () => {
    const draft = messageDraftFrom(saved);
    expect(draft.frequencyMode).toBe('until_goal');
    const body = input(draft);
    expect(body).toMatchObject({ audience: saved.audience, trigger: saved.trigger, frequency: saved.frequency, schedule: saved.schedule, button: saved.button });
    expect(messagePatch(saved, body)).toEqual({});
  });

  it('PATCHes only the changed fields', () => {
    const draft = { ...messageDraftFrom(saved), name: ' Welcome back ', triggerOn: 'event' as const, triggerEvent: 'signed_up', frequencyMode: 'once' as const };
    expect(messagePatch(saved, input(draft))).toEqual({ name: 'Welcome back', trigger: { on: 'event', event: 'signed_up' }, frequency: null });
  });

  it('builds a new chat message: audience "everyone" is no audience, format-only fields cleared', () => {
    const draft: MessageDraft = {
      ...newMessageDraft({ senderId: 'a1' }),
      name: 'Say hi',
      format: 'chat',
      body: 'Hello!',
      triggerOn: 'time_on_page',
      triggerSeconds: '45',
      imageUrl: 'https://ignored.example/x.png',
      buttonLabel: 'ignored',
    };
    expect(input(draft)).toEqual({
      name: 'Say hi',
      format: 'chat',
      body: 'Hello!',
      audience: null,
      trigger: { on: 'time_on_page', seconds: 45 },
      frequency: null,
      goal: null,
      schedule: null,
      priority: 0,
      status: 'draft',
      sender_id: 'a1',
      position: null,
      dismissible: true,
      button: null,
      image_url: null,
      selector: null,
    });
  });

  it('names the fields that are wrong, from its own checks and the schema', () => {
    const draft: MessageDraft = {
      ...newMessageDraft(),
      format: 'tooltip',
      triggerOn: 'event',
      frequencyMode: 'until_goal',
      maxPerContact: 'lots',
      priority: '500',
      buttonUrl: 'javascript:alert(1)',
      startAt: '2025-05-01T10:00',
      endAt: '2025-04-01T10:00',
      audience: ruleDraftFrom({ all: [{ attr: '', op: 'exists' }] }),
    };
    const result = messageInputFrom(draft);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.fields).toMatchObject({
      name: 'Give the message a name.',
      triggerEvent: 'Name the event that shows it.',
      maxPerContact: 'Enter a whole number of times.',
      goalEvent: 'Set a goal event to send until it is reached.',
      priority: 'Enter a whole number from 0 to 100.',
      buttonLabel: 'Give the button a label.',
      selector: 'A tooltip needs the CSS selector of the element it points at.',
      endAt: 'The end must be after the start.',
      audience: 'Check the audience conditions.',
    });
    const row = (draft.audience.root.children[0] as GroupNode | { key: number }).key;
    expect(result.errors.audience?.get(row)).toBe('Name the attribute.');
  });

  it('passes on what only the schema knows (a button link that is not http(s) or mailto)', () => {
    const draft = { ...newMessageDraft(), name: 'x', buttonLabel: 'Go', buttonUrl: 'javascript:alert(1)' };
    const result = messageInputFrom(draft);
    expect(!result.ok && result.errors.fields.buttonUrl).toBe('An http(s) or mailto: link.');
  });

  it('maps the server’s refusal onto a field, or an audience row', () => {
    const draft = messageDraftFrom(saved);
    expect(messageServerErrors('trigger.page: a page trigger names its page', draft)?.fields).toEqual({ triggerPage: 'A page trigger names its page.' });
    const rowKey = draft.audience.root.children[0].key;
    const audience = messageServerErrors('audience.all.0: rule: segment "s" would include itself', draft);
    expect(audience?.audience?.get(rowKey)).toBe('Rule: segment "s" would include itself.');
    expect(messageServerErrors('input: Unrecognized key', draft)).toBeNull();
  });
});

describe('datetime-local ↔ ISO', () => {
  it('converts in the browser’s time zone, both ways', () => {
    const iso = localInputToIso('2025-03-01T09:30');
    expect(iso).not.toBeNull();
    expect(isoToLocalInput(iso ?? '')).toBe('2025-03-01T09:30');
    expect(localInputToIso('yesterday')).toBeNull();
    expect(isoToLocalInput('nope')).toBe('');
  });
});
