/** Builders for the teams, agents, assignment rules and reports of issue #7 in unit tests: valid defaults, override what the test is about. */
import type { AgentProfile, AssignmentRule, ConversationReport, ConversationStats, Team } from '../../protocol/index.js';

export function team(overrides: Partial<Team> = {}): Team {
  return {
    id: 'team_1',
    name: 'Support',
    member_ids: [],
    strategy: 'round_robin',
    created_at: '2025-03-01T12:00:00.000Z',
    updated_at: '2025-03-01T12:00:00.000Z',
    ...overrides,
  };
}

export function agentProfile(overrides: Partial<AgentProfile> = {}): AgentProfile {
  return {
    id: 'a1',
    email: 'ada@example.com',
    name: 'Ada Lovelace',
    role: 'admin',
    presence: 'online',
    capacity: 0,
    open_assigned: 0,
    ...overrides,
  };
}

export function assignmentRule(overrides: Partial<AssignmentRule> = {}): AssignmentRule {
  return {
    id: 'arule_1',
    name: 'Billing questions',
    position: 0,
    enabled: true,
    when: { all: [] },
    team_id: null,
    priority: null,
    strategy: 'round_robin',
    created_at: '2025-03-01T12:00:00.000Z',
    updated_at: '2025-03-01T12:00:00.000Z',
    ...overrides,
  };
}

export function stats(overrides: Partial<ConversationStats> = {}): ConversationStats {
  return {
    opened: 0,
    closed: 0,
    first_response: { median_s: null, p90_s: null, samples: 0 },
    resolution: { median_s: null, samples: 0 },
    first_contact_resolution_rate: null,
    csat: { ratings: 0, score: null },
    ...overrides,
  };
}

/** The example of docs/inbox.md: a week from Monday 24 March 2025 (UTC). */
export function conversationReport(overrides: Partial<ConversationReport> = {}): ConversationReport {
  const busiest = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  busiest[1][10] = 3;
  busiest[0][9] = 2;
  busiest[4][15] = 1;
  return {
    from: '2025-03-24T00:00:00.000Z',
    to: '2025-03-31T00:00:00.000Z',
    tz: 'UTC',
    ...stats({
      opened: 6,
      closed: 4,
      first_response: { median_s: 360, p90_s: 4320, samples: 4 },
      resolution: { median_s: 45_000, samples: 4 },
      first_contact_resolution_rate: 0.5,
      csat: { ratings: 4, score: 50 },
    }),
    by_day: ['24', '25', '26', '27', '28', '29', '30'].map((d, i) => ({ day: `2025-03-${d}`, opened: i === 1 ? 3 : i < 4 ? 1 : 0, closed: i === 2 ? 4 : 0 })),
    busiest_hours: busiest,
    per_agent: [{ agent_id: 'a1', name: 'Ada Lovelace', ...stats({ opened: 2, closed: 3, first_response: { median_s: 240, p90_s: 600, samples: 2 } }) }],
    per_team: [{ team_id: 'team_1', name: 'Support', ...stats({ opened: 4, closed: 4 }) }, { team_id: 'team_gone', name: null, ...stats({ opened: 1 }) }],
    ...overrides,
  };
}
