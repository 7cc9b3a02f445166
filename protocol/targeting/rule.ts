/**
 * The targeting rule language of DESIGN.md §4: a JSON tree of `all`/`any`/`not`
 * over leaf conditions on traits, events, the page, time on page, locale,
 * device, browser, country and saved segments.
 *
 * @example
 * ruleSchema.parse({ all: [
 *   { attr: 'plan', op: 'in', value: ['pro', 'team'] },
 *   { event: 'payment_failed', op: 'last_within', within: '7d' },
 *   { page: { op: 'glob', value: '/billing/**' } },
 * ] });
 *
 * Rules are stored and sent as-is, and run in the widget on every page view, so
 * the schema bounds them (depth, node count, string sizes) and refuses regexes
 * that could backtrack catastrophically (see `regex-guard.ts`).
 */
import { z } from 'zod';
import { DEVICES } from './devices.js';
import { GLOB_MAX } from './glob.js';
import { REGEX_SOURCE_MAX, regexProblem } from './regex-guard.js';
import { isDuration, isRuleDate } from './time-values.js';

export const TARGETING_LIMITS = {
  depth: 8,
  nodes: 200,
  regex: REGEX_SOURCE_MAX,
  glob: GLOB_MAX,
  name: 100,
  string: 1_000,
  list: 100,
  whereProps: 10,
  count: 1_000_000,
  timeOnPageS: 86_400,
} as const;

/** A trait, event property or comparison operand. */
export type TraitValue = string | number | boolean | null;

const primitiveSchema = z.union([z.string().max(TARGETING_LIMITS.string), z.number().finite(), z.boolean(), z.null()]);
const nameSchema = z.string().min(1).max(TARGETING_LIMITS.name);
const durationSchema = z.string().refine(isDuration, 'a duration such as "30m", "12h", "7d" (at most ten years)');
const dateSchema = z.string().refine(isRuleDate, 'an ISO date or a relative one such as "-7d"');
const textSchema = z.string().min(1).max(TARGETING_LIMITS.string);

export const ATTRIBUTE_OPS = ['eq', 'neq', 'in', 'nin', 'contains', 'not_contains', 'starts_with', 'ends_with', 'gt', 'gte', 'lt', 'lte', 'exists', 'not_exists', 'before', 'after'] as const;
export type AttributeOp = (typeof ATTRIBUTE_OPS)[number];

/** One comparison `{ op, value }`, the operand's type fixed by the op; `head` adds the subject (`attr`). */
function comparisonOf<S extends z.ZodRawShape>(head: S) {
  return z.discriminatedUnion('op', [
    z.strictObject({ ...head, op: z.enum(['eq', 'neq']), value: primitiveSchema }),
    z.strictObject({ ...head, op: z.enum(['in', 'nin']), value: z.array(primitiveSchema).min(1).max(TARGETING_LIMITS.list) }),
    z.strictObject({ ...head, op: z.enum(['contains', 'not_contains', 'starts_with', 'ends_with']), value: textSchema }),
    z.strictObject({ ...head, op: z.enum(['gt', 'gte', 'lt', 'lte']), value: z.number().finite() }),
    z.strictObject({ ...head, op: z.enum(['exists', 'not_exists']) }),
    z.strictObject({ ...head, op: z.enum(['before', 'after']), value: dateSchema }),
  ]);
}

export const comparisonSchema = comparisonOf({});
export type Comparison = z.infer<typeof comparisonSchema>;

export const attributeRuleSchema = comparisonOf({ attr: z.string().min(1).max(64) });
export type AttributeRule = z.infer<typeof attributeRuleSchema>;

/** Property filters on an event: every listed property must satisfy its comparison. */
export const eventWhereSchema = z
  .record(z.string().min(1).max(64), comparisonSchema)
  .refine((w) => Object.keys(w).length <= TARGETING_LIMITS.whereProps, `at most ${TARGETING_LIMITS.whereProps} property filters`);

const eventHead = { event: nameSchema, within: durationSchema.optional(), where: eventWhereSchema.optional() };

/**
 * DESIGN.md §4 writes the window of `last_within` as `value` (`{ op: 'last_within', value: '7d' }`);
 * the canonical form is `within`. Accept the first and store the second.
 */
function windowInValue(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const { op, value, within } = input as Record<string, unknown>;
  if ((op === 'last_within' || op === 'first_within') && within === undefined && typeof value === 'string') {
    const moved: Record<string, unknown> = { ...input, within: value };
    delete moved.value;
    return moved;
  }
  return input;
}

export const eventRuleSchema = z.preprocess(
  windowInValue,
  z.discriminatedUnion('op', [
    // Counts within `within` when given, over all time otherwise.
    z.strictObject({ ...eventHead, op: z.enum(['count_gte', 'count_lte']), value: z.number().int().min(0).max(TARGETING_LIMITS.count) }),
    // No occurrence (within the window when given).
    z.strictObject({ ...eventHead, op: z.literal('never') }),
    // The latest / the first matching occurrence happened within the window.
    z.strictObject({ ...eventHead, op: z.enum(['last_within', 'first_within']), within: durationSchema }),
  ]),
);
export type EventRule = z.infer<typeof eventRuleSchema>;
export type EventRuleOp = EventRule['op'];

export const PAGE_OPS = ['matches', 'glob', 'regex', 'eq', 'contains'] as const;

export const pageRuleSchema = z.strictObject({
  page: z
    .strictObject({ op: z.enum(PAGE_OPS), value: z.string().min(1).max(Math.max(GLOB_MAX, REGEX_SOURCE_MAX)) })
    .superRefine((page, ctx) => {
      const problem = page.op === 'regex' ? regexProblem(page.value) : null;
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['value'] });
    }),
});
export type PageRule = z.infer<typeof pageRuleSchema>;

export const timeOnPageRuleSchema = z.strictObject({
  time_on_page_s: z
    .strictObject({
      gte: z.number().min(0).max(TARGETING_LIMITS.timeOnPageS).optional(),
      lte: z.number().min(0).max(TARGETING_LIMITS.timeOnPageS).optional(),
    })
    .refine((t) => t.gte !== undefined || t.lte !== undefined, 'give gte, lte or both'),
});
export type TimeOnPageRule = z.infer<typeof timeOnPageRuleSchema>;

export const segmentRuleSchema = z.strictObject({ segment: z.string().min(1).max(64) });
export type SegmentRule = z.infer<typeof segmentRuleSchema>;

/** `{ op: 'eq'|'neq', value }` or `{ op: 'in'|'nin', value: [...] }` over one facet of the visit. */
function facetOf<T extends z.ZodType<string>>(value: T) {
  return z.discriminatedUnion('op', [
    z.strictObject({ op: z.enum(['eq', 'neq']), value }),
    z.strictObject({ op: z.enum(['in', 'nin']), value: z.array(value).min(1).max(TARGETING_LIMITS.list) }),
  ]);
}

/** A language tag; `en` also matches `en-GB` (see `evaluate.ts`). */
export const localeRuleSchema = z.strictObject({ locale: facetOf(z.string().min(2).max(35)) });
export const deviceRuleSchema = z.strictObject({ device: facetOf(z.enum(DEVICES)) });
export const browserRuleSchema = z.strictObject({ browser: facetOf(z.string().min(1).max(40)) });
/** ISO 3166-1 alpha-2, any case. */
export const countryRuleSchema = z.strictObject({ country: facetOf(z.string().regex(/^[A-Za-z]{2}$/)) });
export type LocaleRule = z.infer<typeof localeRuleSchema>;
export type DeviceRule = z.infer<typeof deviceRuleSchema>;
export type BrowserRule = z.infer<typeof browserRuleSchema>;
export type CountryRule = z.infer<typeof countryRuleSchema>;

export type LeafRule = AttributeRule | EventRule | PageRule | TimeOnPageRule | SegmentRule | LocaleRule | DeviceRule | BrowserRule | CountryRule;

// The recursive part is written out by hand: TypeScript cannot infer a type from a
// schema that refers to itself. Empty groups are allowed (an editor's fresh group):
// `{ all: [] }` holds for everyone, `{ any: [] }` for no one.
export type Rule = { all: Rule[] } | { any: Rule[] } | { not: Rule } | LeafRule;

const leafRuleSchema = z.union([
  attributeRuleSchema,
  eventRuleSchema,
  pageRuleSchema,
  timeOnPageRuleSchema,
  segmentRuleSchema,
  localeRuleSchema,
  deviceRuleSchema,
  browserRuleSchema,
  countryRuleSchema,
]);

const ruleNodeSchema: z.ZodType<Rule> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ruleNodeSchema) }),
    z.strictObject({ any: z.array(ruleNodeSchema) }),
    z.strictObject({ not: ruleNodeSchema }),
    leafRuleSchema,
  ]),
);

/**
 * Depth and node count, checked on the raw JSON before the structural parse:
 * a body of 10 000 nested `{ "not": … }` must be refused in bounded work, not
 * walked recursively by the parser. Stops as soon as a limit is passed.
 */
function checkRuleSize(input: unknown, ctx: z.RefinementCtx): void {
  const stack: Array<[unknown, number]> = [[input, 1]];
  let nodes = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    nodes += 1;
    if (nodes > TARGETING_LIMITS.nodes) return void ctx.addIssue({ code: 'custom', message: `a rule has at most ${TARGETING_LIMITS.nodes} conditions and groups` });
    if (depth > TARGETING_LIMITS.depth) return void ctx.addIssue({ code: 'custom', message: `rules nest at most ${TARGETING_LIMITS.depth} levels deep` });
    if (typeof node !== 'object' || node === null) continue;
    const group = node as Record<string, unknown>;
    const children = Array.isArray(group.all) ? group.all : Array.isArray(group.any) ? group.any : 'not' in group ? [group.not] : [];
    if (nodes + children.length > TARGETING_LIMITS.nodes) return void ctx.addIssue({ code: 'custom', message: `a rule has at most ${TARGETING_LIMITS.nodes} conditions and groups` });
    for (const child of children) stack.push([child, depth + 1]);
  }
}

/** A complete, bounded rule: use this at every edge that accepts one (`audience`, segments). */
export const ruleSchema = z.unknown().superRefine(checkRuleSize).pipe(ruleNodeSchema);

/** Parses a rule, throwing a `ZodError` when it is malformed or too large. */
export function parseRule(input: unknown): Rule {
  return ruleSchema.parse(input);
}
