/** The privacy form model: a round trip changes nothing, and a PATCH carries only what changed, checked like the server. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIVACY_SETTINGS, type PrivacySettings } from '../../protocol/privacy/settings.js';
import { privacyDraftFrom, privacyPatch } from './privacy-form.js';

const saved: PrivacySettings = { ...DEFAULT_PRIVACY_SETTINGS, urlQueryAllowlist: ['utm_source'], retention: { events: 90, conversations: null, closedConversations: 365, uploads: null } };

describe('privacy form model', () => {
  it('round-trips: an untouched draft changes nothing', () => {
    expect(privacyPatch(saved, privacyDraftFrom(saved))).toEqual({ ok: true, patch: {} });
  });

  it('sends only the changed switches, parameters and windows (empty keeps)', () => {
    const draft = privacyDraftFrom(saved);
    draft.requireConsent = true;
    draft.queryParams = 'utm_source\nutm_campaign, utm_source';
    draft.retention = { ...draft.retention, events: '', uploads: '30' };
    expect(privacyPatch(saved, draft)).toEqual({
      ok: true,
      patch: { requireConsent: true, urlQueryAllowlist: ['utm_source', 'utm_campaign'], retention: { events: null, uploads: 30 } },
    });
  });

  it('refuses what the server would refuse, field by field', () => {
    const draft = privacyDraftFrom(saved);
    draft.queryParams = 'ok\nnot ok?';
    draft.retention = { ...draft.retention, events: '0', closedConversations: '1.5' };
    const result = privacyPatch(saved, draft);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['closedConversations', 'events', 'queryParams']);
  });
});
