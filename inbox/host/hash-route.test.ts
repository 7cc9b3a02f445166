import { describe, expect, it } from 'vitest';
import {
  contentHref,
  conversationHref,
  parseContentPlace,
  parseConversationHash,
  parseScreen,
  parseSettingsPage,
  REPORTS_HREF,
  settingsHref,
  surveyResultsHref,
  tourStatsHref,
} from './hash-route.js';

describe('hash routes', () => {
  it('parses conversations and the settings', () => {
    expect(parseConversationHash(conversationHref('c 1/x'))).toBe('c 1/x');
    expect(parseConversationHash('#/settings')).toBeNull();
    expect(parseScreen('#/settings')).toBe('settings');
    expect(parseScreen('#/')).toBe('inbox');
    expect(parseScreen('')).toBe('inbox');
    expect(parseScreen('#/conversations/c1')).toBe('inbox');
  });

  it('parses content lists, new items and saved items', () => {
    expect(parseContentPlace('#/messages')).toEqual({ section: 'messages', view: 'list' });
    expect(parseContentPlace('#/segments/')).toEqual({ section: 'segments', view: 'list' });
    expect(parseContentPlace('#/series/new')).toEqual({ section: 'series', view: 'new' });
    expect(parseContentPlace('#/messages/msg_1')).toEqual({ section: 'messages', view: 'edit', id: 'msg_1' });
    expect(parseContentPlace('#/messages/%E0%A4%A')).toEqual({ section: 'messages', view: 'list' });
    expect(parseContentPlace('#/messages/a/b')).toBeNull();
    expect(parseContentPlace('#/messagesx')).toBeNull();
    expect(parseContentPlace('#/settings')).toBeNull();
    expect(parseScreen('#/series/s1')).toBe('series');
    expect(parseScreen('#/segments/new')).toBe('segments');
  });

  it('parses surveys and a survey’s results', () => {
    expect(parseContentPlace('#/surveys')).toEqual({ section: 'surveys', view: 'list' });
    expect(parseContentPlace('#/surveys/new')).toEqual({ section: 'surveys', view: 'new' });
    expect(parseContentPlace('#/surveys/sv_1')).toEqual({ section: 'surveys', view: 'edit', id: 'sv_1' });
    expect(parseContentPlace('#/surveys/sv_1/results')).toEqual({ section: 'surveys', view: 'results', id: 'sv_1' });
    expect(parseContentPlace(surveyResultsHref('a/b'))).toEqual({ section: 'surveys', view: 'results', id: 'a/b' });
    expect(surveyResultsHref('sv_1')).toBe('#/surveys/sv_1/results');
    expect(parseContentPlace('#/surveys/new/results')).toBeNull();
    expect(parseContentPlace('#/messages/m1/results')).toBeNull();
    expect(parseContentPlace('#/surveys/sv_1/other')).toBeNull();
    expect(parseScreen('#/surveys/sv_1/results')).toBe('surveys');
  });

  it('parses tours and a tour’s stats', () => {
    expect(parseContentPlace('#/tours')).toEqual({ section: 'tours', view: 'list' });
    expect(parseContentPlace('#/tours/new')).toEqual({ section: 'tours', view: 'new' });
    expect(parseContentPlace('#/tours/tur_1')).toEqual({ section: 'tours', view: 'edit', id: 'tur_1' });
    expect(parseContentPlace('#/tours/tur_1/stats')).toEqual({ section: 'tours', view: 'stats', id: 'tur_1' });
    expect(tourStatsHref('tur_1')).toBe('#/tours/tur_1/stats');
    expect(parseContentPlace(tourStatsHref('a/b'))).toEqual({ section: 'tours', view: 'stats', id: 'a/b' });
    // Each section has only its own numbers page.
    expect(parseContentPlace('#/tours/tur_1/results')).toBeNull();
    expect(parseContentPlace('#/surveys/sv_1/stats')).toBeNull();
    expect(parseContentPlace('#/tours/new/stats')).toBeNull();
    expect(parseContentPlace('#/tours//stats')).toBeNull();
    expect(parseScreen('#/tours/tur_1/stats')).toBe('tours');
  });

  it('builds hrefs that parse back', () => {
    expect(contentHref('messages')).toBe('#/messages');
    expect(contentHref('segments', 'new')).toBe('#/segments/new');
    expect(contentHref('series', { id: 'a/b' })).toBe('#/series/a%2Fb');
    expect(parseContentPlace(contentHref('series', { id: 'a/b' }))).toEqual({ section: 'series', view: 'edit', id: 'a/b' });
  });

  it('parses the reports and the pages of the settings', () => {
    expect(parseScreen(REPORTS_HREF)).toBe('reports');
    expect(parseScreen('#/reports/')).toBe('reports');
    expect(parseScreen('#/reportsx')).toBe('inbox');
    expect(parseContentPlace('#/reports')).toBeNull();
    expect(settingsHref('messenger')).toBe('#/settings');
    expect(settingsHref('service-levels')).toBe('#/settings/service-levels');
    for (const page of ['messenger', 'teams', 'assignment', 'service-levels'] as const) {
      expect(parseSettingsPage(settingsHref(page))).toBe(page);
      expect(parseScreen(settingsHref(page))).toBe('settings');
    }
    expect(parseSettingsPage('#/settings/teams/')).toBe('teams');
    expect(parseSettingsPage('#/settings/unknown')).toBe('messenger');
    expect(parseSettingsPage('#/reports')).toBeNull();
    expect(parseSettingsPage('#/settingsx')).toBeNull();
  });
});
