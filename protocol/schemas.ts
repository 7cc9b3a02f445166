/**
 * Input schemas for everything a client may send. Each limit here is a promise
 * the server keeps: oversize or malformed input is refused before it reaches
 * the domain, so nothing half-valid is ever stored.
 */
import { z } from 'zod';
import { quietPagesSchema } from './content/schemas.js';
import { HEX_COLOR, SETTINGS_LIMITS } from './workspace-settings.js';
import { awayMessageSchema, businessHoursSchema, slaPolicySchema, teamServiceLevelsPatchSchema } from './inbox/service-level-schemas.js';
import { SLA_FILTERS } from './inbox/service-levels.js';
import { privacySettingsPatchSchema } from './privacy/settings-schema.js';

export const LIMITS = {
  messageBody: 10_000,
  traitKeys: 50,
  traitKey: 64,
  traitString: 1_000,
  eventName: 100,
  eventProps: 30,
  eventsPerBatch: 100,
  url: 2_000,
  clientId: 64,
  id: 64,
  identityToken: 4_000,
  attachmentsPerMessage: 5,
  fileName: 200,
} as const;

/** Client-generated ids (uuid or nanoid-like): printable, bounded. */
export const clientIdSchema = z
  .string()
  .min(8)
  .max(LIMITS.clientId)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only');

export const idSchema = z.string().min(1).max(LIMITS.id);

export const messageBodySchema = z
  .string()
  .max(LIMITS.messageBody, `at most ${LIMITS.messageBody} characters`)
  .refine((s) => s.trim().length > 0, 'must not be empty');

/** A message's text when attachments may stand in for it: empty is fine here, `hasContent` decides. */
const messageTextSchema = z.string().max(LIMITS.messageBody, `at most ${LIMITS.messageBody} characters`);

/** Uploads (from `POST …/uploads`) to send with a message: each once, at most five. */
export const attachmentIdsSchema = z
  .array(idSchema)
  .max(LIMITS.attachmentsPerMessage, `at most ${LIMITS.attachmentsPerMessage} attachments`)
  .refine((ids) => new Set(ids).size === ids.length, 'each attachment at most once');

/** A message needs text or at least one attachment. */
const hasContent = (m: { body: string; attachmentIds?: string[] }) => m.body.trim().length > 0 || (m.attachmentIds?.length ?? 0) > 0;
const contentRequired = { path: ['body'], message: 'must not be empty' };

const traitValue = z.union([
  z.string().max(LIMITS.traitString),
  z.number().finite(),
  z.boolean(),
  z.null(),
]);

const traitKey = z
  .string()
  .min(1)
  .max(LIMITS.traitKey)
  .regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'trait names start with a letter or "_"');

export const traitsSchema = z
  .record(traitKey, traitValue)
  .refine((t) => Object.keys(t).length <= LIMITS.traitKeys, `at most ${LIMITS.traitKeys} traits`);

export type Traits = z.infer<typeof traitsSchema>;

export const eventPropsSchema = z
  .record(z.string().max(LIMITS.traitKey), traitValue)
  .refine((p) => Object.keys(p).length <= LIMITS.eventProps, `at most ${LIMITS.eventProps} properties`);

export const localeSchema = z.string().min(2).max(35).regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/);

/**
 * A short-lived JWT (HS256, workspace identity secret) issued by the host's
 * backend: the expiring alternative to `userHash`. Its `sub` is the user id.
 */
export const identityTokenSchema = z.string().min(1).max(LIMITS.identityToken);

export const userSchema = z
  .object({
    /** Optional only when `identityToken` is given (its `sub` names the user). */
    id: z.string().min(1).max(LIMITS.id).optional(),
    email: z.string().email().max(320).optional(),
    name: z.string().max(200).optional(),
    userHash: z.string().max(128).optional(),
    identityToken: identityTokenSchema.optional(),
    traits: traitsSchema.optional(),
  })
  .refine((u) => u.id !== undefined || u.identityToken !== undefined, {
    path: ['id'],
    message: 'required unless identityToken is given',
  });

export const bootInputSchema = z.object({
  appId: z.string().min(1).max(LIMITS.id),
  /** The visitor token this browser already holds, if any. */
  token: z.string().max(2_000).optional(),
  locale: localeSchema.optional(),
  user: userSchema.optional(),
  device: z
    .object({
      userAgent: z.string().max(500).optional(),
      screen: z.string().max(20).optional(),
      timezone: z.string().max(64).optional(),
    })
    .optional(),
});
export type BootInput = z.infer<typeof bootInputSchema>;

const identifyInputShape = {
  /** Optional only when `identityToken` is given (its `sub` names the user). */
  userId: z.string().min(1).max(LIMITS.id).optional(),
  userHash: z.string().max(128).optional(),
  identityToken: identityTokenSchema.optional(),
  traits: traitsSchema.optional(),
};
const hasUserIdOrToken = (i: { userId?: string; identityToken?: string }) => i.userId !== undefined || i.identityToken !== undefined;
const userIdRequired = { path: ['userId'], message: 'required unless identityToken is given' };

export const identifyInputSchema = z.object(identifyInputShape).refine(hasUserIdOrToken, userIdRequired);
export type IdentifyInput = z.infer<typeof identifyInputSchema>;

export const trackedEventSchema = z.object({
  /** Client id of the event, so a resent batch is stored once. */
  id: clientIdSchema,
  type: z.enum(['track', 'page']),
  name: z.string().min(1).max(LIMITS.eventName),
  props: eventPropsSchema.optional(),
  url: z.string().max(LIMITS.url).optional(),
  /** Client clock, ISO 8601; the server keeps its own receive time too. */
  ts: z.string().datetime().optional(),
});
export type TrackedEvent = z.infer<typeof trackedEventSchema>;

export const eventBatchSchema = z.object({
  events: z.array(trackedEventSchema).min(1).max(LIMITS.eventsPerBatch),
});

export const startConversationSchema = z
  .object({
    clientId: clientIdSchema,
    body: messageTextSchema,
    attachmentIds: attachmentIdsSchema.optional(),
    /** A reply to an in-app chat message: the conversation starts with that message. */
    deliveryId: idSchema.optional(),
  })
  .refine(hasContent, contentRequired);
export type StartConversationInput = z.infer<typeof startConversationSchema>;

export const sendMessageSchema = z
  .object({
    conversationId: idSchema,
    clientId: clientIdSchema,
    body: messageTextSchema,
    attachmentIds: attachmentIdsSchema.optional(),
    /** Visitors only: this message answers a bot's buttons (docs/bots.md); the body is the option's label. */
    choice: z.strictObject({ messageId: idSchema, optionId: z.string().min(1).max(32) }).optional(),
  })
  .refine(hasContent, contentRequired);
export type SendMessageInput = z.infer<typeof sendMessageSchema>;

export const syncMessagesSchema = z.object({
  conversationId: idSchema,
  afterSeq: z.number().int().min(0),
  limit: z.number().int().min(1).max(500).optional(),
});
export type SyncMessagesInput = z.infer<typeof syncMessagesSchema>;

export const typingSchema = z.object({
  conversationId: idSchema,
  typing: z.boolean(),
});
export type TypingInput = z.infer<typeof typingSchema>;

export const readSchema = z.object({
  conversationId: idSchema,
  seq: z.number().int().min(0),
});
export type ReadInput = z.infer<typeof readSchema>;

export const loginSchema = z.object({
  email: z.string().email().max(320),
  password: z.string().min(1).max(200),
});

export const conversationStatusSchema = z.enum(['open', 'snoozed', 'closed']);
export const prioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);
/** newest/oldest: by last activity; waiting: longest waiting for a reply first; priority: urgent first, then newest. */
export const conversationSortSchema = z.enum(['newest', 'oldest', 'waiting', 'priority']);

export const updateConversationSchema = z.object({
  status: conversationStatusSchema.optional(),
  priority: z.enum(['low', 'normal', 'high', 'urgent']).optional(),
  /** Required with `status: "snoozed"` (in the future, at most 90 days away); the conversation reopens then. */
  snoozed_until: z.string().datetime({ offset: true }).optional(),
});

/**
 * An agent's (or API caller's) message. `surveyId` sends a survey to answer in
 * the thread; the body is then an optional introduction.
 */
export const agentReplySchema = z
  .object({
    body: messageTextSchema.default(''),
    clientId: clientIdSchema.optional(),
    attachmentIds: attachmentIdsSchema.optional(),
    surveyId: idSchema.optional(),
  })
  .refine((m) => hasContent(m) || m.surveyId !== undefined, contentRequired);

/**
 * Query of the upload endpoints: the file is the raw request body, its name
 * travels here. (The widget's visitor token goes in `Authorization`, never in
 * a URL: proxies log URLs.)
 */
export const uploadQuerySchema = z.object({
  name: z.string().max(1_000).default(''),
});

/** Widget endpoints take the visitor token in the body: a simple CORS request, no preflight. */
export const widgetIdentifySchema = z
  .object({ ...identifyInputShape, token: z.string().min(1).max(2_000) })
  .refine(hasUserIdOrToken, userIdRequired);
export type WidgetIdentifyInput = z.infer<typeof widgetIdentifySchema>;

export const widgetEventsSchema = eventBatchSchema.extend({ token: z.string().min(1).max(2_000) });
export type WidgetEventsInput = z.infer<typeof widgetEventsSchema>;

export const listConversationsQuerySchema = z.object({
  status: conversationStatusSchema.optional(),
  assignee: z.enum(['all', 'me', 'unassigned']).default('all'),
  contact_id: idSchema.optional(),
  /** Only conversations with this team. */
  team_id: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
  tag: z.string().trim().min(1).max(50).optional(),
  priority: prioritySchema.optional(),
  sort: conversationSortSchema.default('newest'),
  /** Full-text search over message bodies and the contact's name, email and external id; blank = no search. */
  q: z
    .string()
    .max(200)
    .optional()
    .transform((q) => q?.trim() || undefined),
  /** Only open conversations whose SLA is breached / due within the hour / running at all, most urgent first. */
  sla: z.enum(SLA_FILTERS).optional(),
});

export const listMessagesQuerySchema = z.object({
  after_seq: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
});

/**
 * An allowlist entry as `isOriginAllowed` understands it: an exact origin
 * ("https://app.example.com"), a port wildcard ("http://localhost:*") or a
 * subdomain wildcard ("https://*.example.com"). No path, query or credentials.
 */
const ORIGIN_ENTRY = /^https?:\/\/(?:\*\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::(?:\d{1,5}|\*))?\/?$/i;

export const originEntrySchema = z
  .string()
  .trim()
  .max(SETTINGS_LIMITS.origin)
  // Length first, so an oversize string never reaches the regex.
  .refine(
    (entry) => entry.length <= SETTINGS_LIMITS.origin && ORIGIN_ENTRY.test(entry),
    'must be an origin like https://app.example.com, http://localhost:* or https://*.example.com',
  )
  // Hostnames compare lowercase (URL lowercases them) and a trailing "/" is not part of an origin.
  .transform((entry) => entry.toLowerCase().replace(/\/$/, ''));

/** Only http(s) images reach the widget: no `javascript:`, `data:` or relative URLs. */
const avatarUrlSchema = z
  .string()
  .trim()
  .max(SETTINGS_LIMITS.avatarUrl)
  .refine((value) => {
    try {
      const { protocol } = new URL(value);
      return protocol === 'https:' || protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

export const teamAvatarSchema = z.strictObject({
  name: z.string().trim().min(1).max(SETTINGS_LIMITS.avatarName),
  url: avatarUrlSchema,
});

/**
 * `PATCH /api/v1/settings`: every field optional (only what is sent changes).
 * Unknown keys are refused rather than ignored, so a typo ("launcher_position")
 * is an error instead of a silent no-op.
 */
export const updateSettingsSchema = z.strictObject({
  name: z.string().trim().min(1).max(SETTINGS_LIMITS.name).optional(),
  greeting: z.string().trim().max(SETTINGS_LIMITS.greeting).optional(),
  color: z
    .string()
    .regex(HEX_COLOR, 'must be a hex colour like #4f46e5 or #fff')
    .transform((c) => c.toLowerCase())
    .optional(),
  launcherPosition: z.enum(['right', 'left']).optional(),
  launcherOffset: z.number().int().min(0).max(SETTINGS_LIMITS.launcherOffset).optional(),
  teamAvatars: z.array(teamAvatarSchema).max(SETTINGS_LIMITS.teamAvatars).optional(),
  allowedOrigins: z
    .array(originEntrySchema)
    .max(SETTINGS_LIMITS.allowedOrigins)
    .transform((list) => [...new Set(list)])
    .optional(),
  identityVerification: z.boolean().optional(),
  requireEmail: z.boolean().optional(),
  quietPages: quietPagesSchema.transform((list) => [...new Set(list)]).optional(),
  surveyRecontactDays: z.number().int().min(0).max(365).optional(),
  /** Hand an offline agent's open conversations back to their team (after a grace period). */
  reassignOnOffline: z.boolean().optional(),
  /** null removes them (always open). */
  businessHours: businessHoursSchema.nullable().optional(),
  /** null removes every target. */
  slaPolicy: slaPolicySchema.nullable().optional(),
  awayMessage: awayMessageSchema.optional(),
  teamServiceLevels: teamServiceLevelsPatchSchema.optional(),
  /** Consent mode, what is collected and retention windows (docs/privacy.md). */
  privacy: privacySettingsPatchSchema.optional(),
});
export type UpdateSettingsInput = z.infer<typeof updateSettingsSchema>;
/** What a client sends (before trimming and lowercasing). */
export type UpdateSettingsRequest = z.input<typeof updateSettingsSchema>;

/** Pre-chat email capture: an anonymous visitor leaves an address for replies. */
export const widgetContactEmailSchema = z.object({
  token: z.string().min(1).max(2_000),
  email: z.string().email().max(320),
});
