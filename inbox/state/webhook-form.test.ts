/** The webhook form's checks, the PATCH of an edit, and how deliveries read. */
import { describe, expect, it } from 'vitest';
import type { Webhook } from '../../protocol/index.js';
import { deliveryStatusLabel, describeOutcome, toggleEvent, toUpdateWebhook, webhookProblems, webhookStateLabel } from './webhook-form.js';

const hook: Webhook = {
  id: 'wh_1',
  url: 'https://a.example/hook',
  events: ['conversation.created', 'message.created'],
  description: null,
  enabled: true,
  disabled_reason: null,
  failing_since: null,
  created_at: '',
  updated_at: '',
};

describe('webhook form', () => {
  it('checks the URL and the events before sending', () => {
    expect(webhookProblems({ url: '', events: [], description: '' })).toEqual({ url: 'Enter the URL of your endpoint.', events: 'Choose at least one event.' });
    expect(webhookProblems({ url: 'ftp://a.example/', events: ['contact.created'], description: '' }).url).toBe('Use an https:// (or http://) URL.');
    expect(webhookProblems({ url: 'https://me:pw@a.example/', events: ['contact.created'], description: '' }).url).toMatch(/^Leave the user name and password out/);
    expect(webhookProblems({ url: 'https://a.example/', events: ['contact.created'], description: 'x'.repeat(201) })).toEqual({ description: 'At most 200 characters.' });
    expect(webhookProblems({ url: ' https://a.example/in ', events: ['contact.created'], description: '' })).toEqual({});
  });

  it('keeps events in the form’s order', () => {
    expect(toggleEvent(['message.created'], 'conversation.created', true)).toEqual(['conversation.created', 'message.created']);
    expect(toggleEvent(['conversation.created', 'message.created'], 'conversation.created', false)).toEqual(['message.created']);
  });

  it('sends only what an edit changed', () => {
    expect(toUpdateWebhook(hook, { url: hook.url, events: [...hook.events], description: '' })).toEqual({});
    expect(toUpdateWebhook(hook, { url: ' https://b.example/ ', events: ['message.created'], description: ' CRM ' })).toEqual({
      url: 'https://b.example/',
      events: ['message.created'],
      description: 'CRM',
    });
  });

  it('reads a delivery and a subscription in words', () => {
    const base = { attempts: 1, last_status_code: 200, last_error: null, last_response_ms: 84 };
    expect(describeOutcome(base)).toBe('HTTP 200 in 84 ms');
    expect(describeOutcome({ ...base, last_status_code: null, last_error: 'timed out after 10000 ms' })).toBe('timed out after 10000 ms');
    expect(describeOutcome({ ...base, attempts: 0, last_status_code: null })).toBe('not tried yet');
    expect(deliveryStatusLabel({ status: 'pending', attempts: 0 })).toBe('Queued');
    expect(deliveryStatusLabel({ status: 'pending', attempts: 2 })).toBe('Retrying');
    expect(webhookStateLabel({ enabled: false, disabled_reason: 'failing' })).toBe('Disabled: kept failing');
  });
});
