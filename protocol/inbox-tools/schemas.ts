/**
 * Input schemas of the inbox tools (tags, notes, canned replies, saved views,
 * the collision hint). Every bound here is checked before the domain sees the
 * input; unknown keys are refused so a typo is an error, not a silent no-op.
 */
import { z } from 'zod';
import { PERSONALIZE_LIMITS } from '../content/personalize.js';
import { SLA_FILTERS } from '../inbox/service-levels.js';
import { conversationSortSchema, conversationStatusSchema, idSchema, prioritySchema } from '../schemas.js';
import { HEX_COLOR } from '../workspace-settings.js';

export const INBOX_LIMITS = {
  tagName: 50,
  tagsPerConversation: 20,
  noteBody: 10_000,
  shortcut: 40,
  replyTitle: 100,
  replyBody: PERSONALIZE_LIMITS.body,
  viewName: 80,
  searchQuery: 200,
  snoozeDays: 90,
} as const;

/** Control characters never belong in a name (they would break a chip or a log line). */
const noControl = (s: string) => !/[\u0000-\u001F\u007F-\u009F]/.test(s);

export const tagNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(INBOX_LIMITS.tagName, `at most ${INBOX_LIMITS.tagName} characters`)
  .refine(noControl, 'no control characters');

const tagColorSchema = z
  .string()
  .regex(HEX_COLOR, 'must be a hex colour like #4f46e5')
  .transform((c) => c.toLowerCase());

export const createTagSchema = z.strictObject({ name: tagNameSchema, color: tagColorSchema.nullable().optional() });
export const updateTagSchema = z.strictObject({ name: tagNameSchema.optional(), color: tagColorSchema.nullable().optional() });
export type CreateTagInput = z.infer<typeof createTagSchema>;
export type UpdateTagInput = z.infer<typeof updateTagSchema>;

/** `PUT /conversations/:id/tags`: the whole set; names that differ only in case are one tag. */
export const setConversationTagsSchema = z.strictObject({
  tags: z
    .array(tagNameSchema)
    .max(100)
    .transform((names) => {
      const seen = new Set<string>();
      return names.filter((n) => {
        const key = n.toLowerCase();
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    })
    .refine((names) => names.length <= INBOX_LIMITS.tagsPerConversation, `at most ${INBOX_LIMITS.tagsPerConversation} tags per conversation`),
});

export const createNoteSchema = z.strictObject({
  body: z
    .string()
    .max(INBOX_LIMITS.noteBody, `at most ${INBOX_LIMITS.noteBody} characters`)
    .refine((s) => s.trim().length > 0, 'must not be empty'),
});

export const cannedReplyShortcutSchema = z
  .string()
  .regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and "-" only')
  .max(INBOX_LIMITS.shortcut, `at most ${INBOX_LIMITS.shortcut} characters`);

const replyTitleSchema = z.string().trim().min(1, 'must not be empty').max(INBOX_LIMITS.replyTitle).refine(noControl, 'no control characters');
const replyBodySchema = z
  .string()
  .max(INBOX_LIMITS.replyBody, `at most ${INBOX_LIMITS.replyBody} characters`)
  .refine((s) => s.trim().length > 0, 'must not be empty');

export const createCannedReplySchema = z.strictObject({ shortcut: cannedReplyShortcutSchema, title: replyTitleSchema, body: replyBodySchema });
export const updateCannedReplySchema = z.strictObject({
  shortcut: cannedReplyShortcutSchema.optional(),
  title: replyTitleSchema.optional(),
  body: replyBodySchema.optional(),
});
export type CreateCannedReplyInput = z.infer<typeof createCannedReplySchema>;
export type UpdateCannedReplyInput = z.infer<typeof updateCannedReplySchema>;

/** Without a conversation the `user.*` placeholders take their fallbacks. */
export const renderCannedReplyQuerySchema = z.object({ conversation_id: idSchema.optional() });

export const savedViewFiltersSchema = z.strictObject({
  status: conversationStatusSchema.optional(),
  assignee: z.enum(['all', 'me', 'unassigned']).optional(),
  team_id: idSchema.optional(),
  tag: tagNameSchema.optional(),
  priority: prioritySchema.optional(),
  q: z.string().trim().min(1).max(INBOX_LIMITS.searchQuery).optional(),
  sort: conversationSortSchema.optional(),
  sla: z.enum(SLA_FILTERS).optional(),
});

const viewNameSchema = z.string().trim().min(1, 'must not be empty').max(INBOX_LIMITS.viewName).refine(noControl, 'no control characters');

export const createSavedViewSchema = z.strictObject({
  name: viewNameSchema,
  filters: savedViewFiltersSchema.default({}),
  shared: z.boolean().default(false),
});
export const updateSavedViewSchema = z.strictObject({
  name: viewNameSchema.optional(),
  filters: savedViewFiltersSchema.optional(),
  shared: z.boolean().optional(),
});
export type CreateSavedViewInput = z.infer<typeof createSavedViewSchema>;
export type UpdateSavedViewInput = z.infer<typeof updateSavedViewSchema>;

/** `/agent` socket: this tab opened (`viewing: true`) or left a conversation. */
export const conversationViewSchema = z.object({ conversationId: idSchema, viewing: z.boolean() });
export type ConversationViewInput = z.infer<typeof conversationViewSchema>;
