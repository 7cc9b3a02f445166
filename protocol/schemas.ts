/**
 * Input schemas for everything a client may send. Each limit here is a promise
 * the server keeps: oversize or malformed input is refused before it reaches
 * the domain, so nothing half-valid is ever stored.
 */
import { z } from 'zod';

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

export const userSchema = z.object({
  id: z.string().min(1).max(LIMITS.id),
  email: z.string().email().max(320).optional(),
  name: z.string().max(200).optional(),
  userHash: z.string().max(128).optional(),
  traits: traitsSchema.optional(),
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

export const identifyInputSchema = z.object({
  userId: z.string().min(1).max(LIMITS.id),
  userHash: z.string().max(128).optional(),
  traits: traitsSchema.optional(),
});
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

export const startConversationSchema = z.object({
  clientId: clientIdSchema,
  body: messageBodySchema,
});
export type StartConversationInput = z.infer<typeof startConversationSchema>;

export const sendMessageSchema = z.object({
  conversationId: idSchema,
  clientId: clientIdSchema,
  body: messageBodySchema,
});
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

export const updateConversationSchema = z.object({
  status: conversationStatusSchema.optional(),
  priority: z.enum(['low', 'normal', 'high', 'urgent']).optional(),
});

export const assignSchema = z.object({
  assigneeId: idSchema.nullable(),
});

export const agentReplySchema = z.object({
  body: messageBodySchema,
  clientId: clientIdSchema.optional(),
});

/** Widget endpoints take the visitor token in the body: a simple CORS request, no preflight. */
export const widgetIdentifySchema = identifyInputSchema.extend({ token: z.string().min(1).max(2_000) });
export type WidgetIdentifyInput = z.infer<typeof widgetIdentifySchema>;

export const widgetEventsSchema = eventBatchSchema.extend({ token: z.string().min(1).max(2_000) });
export type WidgetEventsInput = z.infer<typeof widgetEventsSchema>;

export const listConversationsQuerySchema = z.object({
  status: conversationStatusSchema.optional(),
  assignee: z.enum(['all', 'me', 'unassigned']).default('all'),
  contact_id: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
});

export const listMessagesQuerySchema = z.object({
  after_seq: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
});
