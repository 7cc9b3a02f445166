/**
 * The inbox's place lives in the URL hash, so a reload, the back button and a
 * link shared with a teammate all land on it: `#/conversations/<id>` is an open
 * conversation, `#/settings` the workspace settings, and `#/messages`,
 * `#/segments`, `#/series`, `#/tours`, `#/surveys` the content screens (`…/new` a new
 * item, `…/<id>` a saved one, `#/surveys/<id>/results` a survey's results,
 * `#/tours/<id>/stats` a tour's drop-off funnel). `#/settings/<page>` is one page of the
 * settings (teams, assignment, service levels), `#/reports` the conversation report.
 * A hash needs no server routes beyond `/inbox/`.
 */
import { signal, type ReadonlySignal } from '@preact/signals';

const PREFIX = '#/conversations/';
export const SETTINGS_HREF = '#/settings';
export const INBOX_HREF = '#/';
export const REPORTS_HREF = '#/reports';

/** The pages of the settings: the messenger (`#/settings`), teams and agents, assignment rules, automation rules, bots, business hours and SLAs, canned replies, webhooks, API tokens, privacy, the audit log. */
export const SETTINGS_PAGES = ['messenger', 'teams', 'assignment', 'automation', 'bots', 'service-levels', 'canned-replies', 'webhooks', 'api-tokens', 'privacy', 'audit-log'] as const;
export type SettingsPage = (typeof SETTINGS_PAGES)[number];

export const CONTENT_SECTIONS = ['messages', 'segments', 'series', 'surveys', 'tours', 'help'] as const;
export type ContentSection = (typeof CONTENT_SECTIONS)[number];

/** Which screen the hash shows: the three-column inbox, the settings, the reports or a content screen. */
export type Screen = 'inbox' | 'settings' | 'reports' | ContentSection;

/** Where on a content screen: its list, a new item's editor, a saved item's editor, or a saved item's numbers (a survey's results, a tour's stats). */
export type ContentPlace =
  | { section: ContentSection; view: 'list' }
  | { section: ContentSection; view: 'new' }
  | { section: ContentSection; view: 'edit'; id: string }
  | { section: 'surveys'; view: 'results'; id: string }
  | { section: 'tours'; view: 'stats'; id: string };

/** The sections whose saved items have a page of numbers, and that page's last path segment. */
const NUMBERS_VIEWS = { surveys: 'results', tours: 'stats' } as const;

export function conversationHref(conversationId: string): string {
  return PREFIX + encodeURIComponent(conversationId);
}

/** `#/messages`, `#/messages/new` or `#/messages/<id>` (likewise for segments and series). */
export function contentHref(section: ContentSection, item?: 'new' | { id: string }): string {
  const base = `#/${section}`;
  if (item === undefined) return base;
  return item === 'new' ? `${base}/new` : `${base}/${encodeURIComponent(item.id)}`;
}

/** `#/surveys/<id>/results`. */
export function surveyResultsHref(surveyId: string): string {
  return `${contentHref('surveys', { id: surveyId })}/${NUMBERS_VIEWS.surveys}`;
}

/** `#/tours/<id>/stats`. */
export function tourStatsHref(tourId: string): string {
  return `${contentHref('tours', { id: tourId })}/${NUMBERS_VIEWS.tours}`;
}

export function parseConversationHash(hash: string): string | null {
  if (!hash.startsWith(PREFIX)) return null;
  try {
    return decodeURIComponent(hash.slice(PREFIX.length)) || null;
  } catch {
    return null;
  }
}

export function parseContentPlace(hash: string): ContentPlace | null {
  const match = /^#\/(messages|segments|series|surveys|tours|help)(?:\/([^/]*))?(?:\/(results|stats))?\/?$/.exec(hash);
  if (!match) return null;
  const section = match[1] as ContentSection;
  const rest = match[2];
  const numbers = match[3];
  // Only a saved survey has results, only a saved tour has stats.
  if (numbers !== undefined && ((NUMBERS_VIEWS as Partial<Record<ContentSection, string>>)[section] !== numbers || !rest || rest === 'new')) return null;
  if (rest === undefined || rest === '') return { section, view: 'list' };
  if (rest === 'new') return { section, view: 'new' };
  let id: string;
  try {
    id = decodeURIComponent(rest);
  } catch {
    // A mangled id is no place at all: show the list rather than a broken editor.
    return { section, view: 'list' };
  }
  if (numbers === 'results') return { section: 'surveys', view: 'results', id };
  if (numbers === 'stats') return { section: 'tours', view: 'stats', id };
  return { section, view: 'edit', id };
}

/** `#/settings` or `#/settings/teams` (likewise for the other pages). */
export function settingsHref(page: SettingsPage): string {
  return page === 'messenger' ? SETTINGS_HREF : `${SETTINGS_HREF}/${page}`;
}

/** The settings page a hash names; an unknown page is the messenger's (the first); null off the settings. */
export function parseSettingsPage(hash: string): SettingsPage | null {
  if (hash !== SETTINGS_HREF && !hash.startsWith(`${SETTINGS_HREF}/`)) return null;
  const page = hash.slice(SETTINGS_HREF.length + 1).replace(/\/$/, '');
  return (SETTINGS_PAGES as readonly string[]).includes(page) ? (page as SettingsPage) : 'messenger';
}

export function parseScreen(hash: string): Screen {
  if (hash === SETTINGS_HREF || hash.startsWith(`${SETTINGS_HREF}/`)) return 'settings';
  if (hash === REPORTS_HREF || hash.startsWith(`${REPORTS_HREF}/`)) return 'reports';
  return parseContentPlace(hash)?.section ?? 'inbox';
}

export interface HashRoute {
  conversationId: ReadonlySignal<string | null>;
  screen: ReadonlySignal<Screen>;
  /** Set on a content screen only. */
  content: ReadonlySignal<ContentPlace | null>;
  /** Set on the settings only. */
  settingsPage: ReadonlySignal<SettingsPage | null>;
  dispose(): void;
}

export function createHashRoute(win: Window = window): HashRoute {
  const conversationId = signal(parseConversationHash(win.location.hash));
  const screen = signal(parseScreen(win.location.hash));
  const content = signal(parseContentPlace(win.location.hash));
  const settingsPage = signal(parseSettingsPage(win.location.hash));
  const onChange = (): void => {
    const hash = win.location.hash;
    conversationId.value = parseConversationHash(hash);
    screen.value = parseScreen(hash);
    settingsPage.value = parseSettingsPage(hash);
    const place = parseContentPlace(hash);
    // Same place, same object: an effect that follows the place doesn't reload an editor for nothing.
    if (JSON.stringify(place) !== JSON.stringify(content.peek())) content.value = place;
  };
  win.addEventListener('hashchange', onChange);
  return {
    conversationId,
    screen,
    content,
    settingsPage,
    dispose: () => win.removeEventListener('hashchange', onChange),
  };
}
