/**
 * Response shapes of the workspace's configuration: agents and sessions,
 * teams, assignment rules, settings and API tokens, checked against
 * protocol's interfaces by `model<T>()`.
 */
import { z } from 'zod';
import type {
  AgentProfile,
  ApiToken,
  ApiTokenCreator,
  AssignmentRule,
  BusinessHours,
  CreatedApiToken,
  SlaPolicy,
  Team,
  TeamAvatar,
  TeamServiceLevels,
  WorkspaceSettings,
} from '../../../../protocol/index.js';
import { AGENT_PRESENCES, API_TOKEN_SCOPES, ASSIGNMENT_STRATEGIES } from '../../../../protocol/index.js';
import { isoTime, model, opaque } from '../model.js';
import { named } from '../route-doc.js';
import { RuleDoc } from './shared.js';

export const AgentDoc = named(
  'Agent',
  model<AgentProfile>()({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['admin', 'agent']),
    presence: z.enum(AGENT_PRESENCES).optional().describe('`GET /agents` only'),
    capacity: z.number().int().optional().describe('`GET /agents` only; 0 = no limit'),
    open_assigned: z.number().int().optional().describe('`GET /agents` only'),
  }),
);

export const SessionDoc = named(
  'Session',
  z.object({ agent: AgentDoc.schema, csrfToken: z.string().describe('Send as `X-CSRF-Token` on every cookie-authenticated change') }),
  [AgentDoc],
);

export const TeamDoc = named(
  'Team',
  model<Team>()({
    id: z.string(),
    name: z.string(),
    member_ids: z.array(z.string()).describe('In round-robin order'),
    strategy: z.enum(ASSIGNMENT_STRATEGIES),
    created_at: isoTime(),
    updated_at: isoTime(),
  }),
);

export const AssignmentRuleDoc = named(
  'AssignmentRule',
  model<AssignmentRule>()({
    id: z.string(),
    name: z.string(),
    position: z.number().int(),
    enabled: z.boolean(),
    when: RuleDoc.schema,
    team_id: z.string().nullable(),
    priority: z.enum(['low', 'normal', 'high', 'urgent']).nullable(),
    strategy: z.enum(ASSIGNMENT_STRATEGIES),
    created_at: isoTime(),
    updated_at: isoTime(),
  }),
  [RuleDoc],
);

const teamAvatar = model<TeamAvatar>()({ name: z.string(), url: z.string() });

export const WorkspaceSettingsDoc = named(
  'WorkspaceSettings',
  model<Omit<WorkspaceSettings, 'replyTime' | 'helpCenter'>>()(
    {
      appId: z.string(),
      name: z.string(),
      greeting: z.string(),
      color: z.string(),
      launcherPosition: z.enum(['right', 'left']),
      launcherOffset: z.number(),
      teamAvatars: z.array(teamAvatar),
      identityVerification: z.boolean(),
      requireConsent: z.boolean(),
      chatBeforeConsent: z.boolean().optional(),
      requireEmail: z.boolean(),
      quietPages: z.array(z.string()),
      allowedOrigins: z.array(z.string()),
      surveyRecontactDays: z.number().int(),
      snippet: z.string().describe('The script tag to paste, with this server’s URL'),
      reassignOnOffline: z.boolean(),
      businessHours: opaque<BusinessHours | null>('`{ timezone, days: { mon: [["09:00","17:00"]], … } }` or null (always open)'),
      slaPolicy: opaque<SlaPolicy | null>('`{ first_response_minutes?, next_response_minutes?, resolution_minutes? }` or null'),
      awayMessage: z.string().nullable(),
      teamServiceLevels: z.record(z.string(), opaque<TeamServiceLevels>('`{ businessHours, slaPolicy }` of one team')),
      privacy: opaque<WorkspaceSettings['privacy']>('Consent mode, what is collected, retention windows (docs/privacy.md)'),
    },
    'The workspace’s settings. Never carries the identity secret.',
  ),
);

const creator = model<ApiTokenCreator>()({ type: z.enum(['agent', 'api_token']), id: z.string(), name: z.string() });

const apiTokenShape = {
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.enum(API_TOKEN_SCOPES)),
  prefix: z.string().describe('The first characters of the value (`pk_AbCd`): tells tokens apart, never usable'),
  created_by: creator.nullable().describe('null for BOOTSTRAP_TOKEN'),
  created_at: isoTime(),
  last_used_at: z.string().nullable().describe('Updated at most once a minute'),
  revoked_at: z.string().nullable(),
};

export const ApiTokenDoc = named('ApiToken', model<ApiToken>()(apiTokenShape, 'An API token, without its value (only its hash is stored).'));

export const CreatedApiTokenDoc = named(
  'CreatedApiToken',
  model<CreatedApiToken>()(
    { ...apiTokenShape, token: z.string().describe('The secret value, `pk_` + 43 characters: shown this once, never again') },
    'The new token and, this once, its value.',
  ),
);
