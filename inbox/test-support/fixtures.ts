/** Builders for protocol objects in unit tests: valid defaults, override what the test is about. */
import type { AgentConversation, ContactProfile, Message, Survey, Tour, WorkspaceSettings } from '../../protocol/index.js';
import { DEFAULT_PRIVACY_SETTINGS } from '../../protocol/index.js';

export function message(overrides: Partial<Message> = {}): Message {
  const seq = overrides.seq ?? 1;
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
    clientId: `client-${seq}`,
    authorType: 'visitor',
    authorId: null,
    authorName: null,
    body: `message ${seq}`,
    attachments: [],
    createdAt: new Date(Date.UTC(2025, 0, 1, 12, 0, seq)).toISOString(),
    ...overrides,
  };
}

export function conversation(overrides: Partial<AgentConversation> = {}): AgentConversation {
  return {
    id: 'c1',
    status: 'open',
    priority: 'normal',
    assigneeId: null,
    assigneeName: null,
    teamId: null,
    lastSeq: 0,
    visitorReadSeq: 0,
    agentReadSeq: 0,
    contact: { id: 'ct1', externalId: null, name: null, email: null, identified: false },
    lastMessage: null,
    rating: null,
    ratingComment: null,
    createdAt: '2025-01-01T12:00:00.000Z',
    updatedAt: '2025-01-01T12:00:00.000Z',
    tags: [],
    snoozedUntil: null,
    teamName: null,
    sla: { dueAt: null, kind: null, breached: false },
    ...overrides,
  };
}

export function contactProfile(overrides: Partial<ContactProfile> = {}): ContactProfile {
  return {
    id: 'ct1',
    externalId: null,
    name: null,
    email: null,
    identified: false,
    traits: {},
    locale: null,
    device: null,
    firstSeenAt: '2025-01-01T12:00:00.000Z',
    lastSeenAt: '2025-01-01T12:00:00.000Z',
    lastPageUrl: null,
    tags: [],
    ...overrides,
  };
}

export function workspaceSettings(overrides: Partial<WorkspaceSettings> = {}): WorkspaceSettings {
  return {
    appId: 'demo',
    name: 'Parley Demo',
    greeting: '',
    color: '#4f46e5',
    launcherPosition: 'right',
    launcherOffset: 20,
    teamAvatars: [],
    allowedOrigins: [],
    identityVerification: true,
    requireEmail: false,
    requireConsent: false,
    quietPages: [],
    surveyRecontactDays: 30,
    snippet: '<script></script>',
    reassignOnOffline: false,
    businessHours: null,
    slaPolicy: null,
    awayMessage: null,
    teamServiceLevels: {},
    privacy: DEFAULT_PRIVACY_SETTINGS,
    ...overrides,
  };
}

/** A live tour of three steps: a post, a click-to-advance tooltip and a spotlight on another page. */
export function tour(overrides: Partial<Tour> = {}): Tour {
  return {
    id: 'tur_1',
    name: 'Onboarding',
    steps: [
      { id: 'welcome', kind: 'post', title: 'Welcome to Acme', body: 'A quick look around.' },
      { id: 'reports', kind: 'tooltip', body: 'Your reports live here.', selector: '#nav-reports', advance: 'click' },
      { id: 'export', kind: 'spotlight', body: 'Export any report as CSV.', selector: '[data-tour="export"]', page: '/reports/*', if_missing: 'skip' },
    ],
    audience: null,
    trigger: { on: 'immediate' },
    frequency: null,
    schedule: null,
    priority: 0,
    status: 'live',
    created_at: '2025-03-01T12:00:00.000Z',
    updated_at: '2025-03-04T12:00:00.000Z',
    ...overrides,
  };
}

/** A live one-question NPS survey with every default (no audience, shown at once, no follow-ups). */
export function survey(overrides: Partial<Survey> = {}): Survey {
  return {
    id: 'sv_1',
    name: 'NPS',
    questions: [{ id: 'q1', type: 'nps', text: 'How likely?' }],
    thank_you: null,
    display: 'card',
    audience: null,
    trigger: { on: 'immediate' },
    frequency: null,
    schedule: null,
    sample_pct: 100,
    follow_up: [],
    priority: 0,
    status: 'live',
    created_at: '',
    updated_at: '',
    ...overrides,
  };
}
