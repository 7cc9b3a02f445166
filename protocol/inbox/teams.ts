/**
 * Teams, agents' roles, capacity and presence, and manual assignment (issue #7):
 * the wire shapes of `/api/v1/teams`, `/api/v1/agents` and
 * `POST /api/v1/conversations/:id/assign`, and their input schemas.
 *
 * Team objects are snake_case like the other REST resources (`member_ids`,
 * `created_at`); more fields (SLA policies…) are added at the end, so clients
 * must ignore keys they do not know.
 */
import { z } from 'zod';

export const TEAM_LIMITS = {
  name: 80,
  members: 200,
  /** Highest per-agent capacity (open conversations assigned at once). */
  capacity: 1_000,
  agentName: 200,
} as const;

/**
 * How a team hands out conversations: `round_robin` (each online member in
 * turn), `least_busy` (fewest open assigned, then longest since the last one)
 * or `manual` (the conversation stays with the team until someone takes it).
 */
export const ASSIGNMENT_STRATEGIES = ['round_robin', 'least_busy', 'manual'] as const;
export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number];

/**
 * `online`: at least one inbox socket is connected and the agent has not set
 * `away`; `offline`: no socket. Only `online` agents get conversations
 * automatically.
 */
export const AGENT_PRESENCES = ['online', 'away', 'offline'] as const;
export type AgentPresence = (typeof AGENT_PRESENCES)[number];

export const AGENT_ROLES = ['admin', 'agent'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

/** `GET /api/v1/teams/:id`. */
export interface Team {
  id: string;
  name: string;
  /** Agents of the workspace, in round-robin order. */
  member_ids: string[];
  /** How conversations given back to the team are handed out again (an agent went offline). Rules choose their own. */
  strategy: AssignmentStrategy;
  created_at: string;
  updated_at: string;
}

/** The `presence` event of /agent: an agent of the workspace went online, away or offline. */
export interface PresenceNotice {
  agentId: string;
  presence: AgentPresence;
}

const teamNameSchema = z.string().trim().min(1).max(TEAM_LIMITS.name);
const agentIdSchema = z.string().min(1).max(64);

/** Each agent once; the order is the round-robin order. */
const memberIdsSchema = z
  .array(agentIdSchema)
  .max(TEAM_LIMITS.members, `at most ${TEAM_LIMITS.members} members`)
  .refine((ids) => new Set(ids).size === ids.length, 'each agent at most once');

export const createTeamSchema = z.strictObject({
  name: teamNameSchema,
  member_ids: memberIdsSchema.default([]),
  strategy: z.enum(ASSIGNMENT_STRATEGIES).default('round_robin'),
});
export type CreateTeamInput = z.infer<typeof createTeamSchema>;

export const updateTeamSchema = z.strictObject({
  name: teamNameSchema.optional(),
  member_ids: memberIdsSchema.optional(),
  strategy: z.enum(ASSIGNMENT_STRATEGIES).optional(),
});
export type UpdateTeamInput = z.infer<typeof updateTeamSchema>;

/** `PATCH /api/v1/agents/:id` (admins): only what is sent changes. */
export const updateAgentSchema = z
  .strictObject({
    role: z.enum(AGENT_ROLES).optional(),
    /** Open conversations assigned at once; 0 = no limit. */
    capacity: z.number().int().min(0).max(TEAM_LIMITS.capacity).optional(),
    name: z.string().trim().min(1).max(TEAM_LIMITS.agentName).optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'give role, capacity or name');
export type UpdateAgentInput = z.infer<typeof updateAgentSchema>;

/** `PATCH /api/v1/agents/me/presence`: offline is not a choice, it is having no socket. */
export const presenceInputSchema = z.strictObject({ presence: z.enum(['online', 'away']) });
export type PresenceInput = z.infer<typeof presenceInputSchema>;

/**
 * `POST /api/v1/conversations/:id/assign`: an agent, a team, or both (null
 * clears). An agent outside the conversation's team is allowed (the team
 * stays); a team alone clears the agent unless the agent is a member of it.
 */
export const assignConversationSchema = z
  .object({
    assigneeId: agentIdSchema.nullable().optional(),
    teamId: z.string().min(1).max(64).nullable().optional(),
  })
  .refine((a) => a.assigneeId !== undefined || a.teamId !== undefined, { message: 'give assigneeId, teamId or both', path: ['assigneeId'] });
export type AssignConversationInput = z.infer<typeof assignConversationSchema>;
