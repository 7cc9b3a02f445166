/**
 * A bot as the settings edit it — name, trigger, audience (a targeting rule
 * draft, as the rule builder holds it), the ordered steps, whether it runs —
 * turned into the create input or the PATCH of what changed, with every
 * problem said where it is; and the words the list shows for a bot.
 */
import { BOT_LIMITS, type Bot, type BotStep, type BotStepType, type BotTriggerOn, type Rule, type Tag, type Team } from '../../protocol/index.js';
import type { UpdateBotRequest } from '../api/bot-endpoints.js';
import { compileRuleDraft, ruleDraftFrom, type RuleDraft, type RuleErrors } from './rule-check.js';
import { type StepDraft, stepDraftFrom, stepFromDraft } from './bot-steps-draft.js';

export const BOT_TRIGGER_LABELS: Record<BotTriggerOn, string> = {
  new_conversation: 'A visitor starts a conversation',
  outside_business_hours: 'A visitor starts a conversation outside business hours',
};

export const STEP_LABELS: Record<BotStepType, string> = {
  message: 'Say a message',
  buttons: 'Ask with buttons',
  collect: 'Ask for an answer',
  set_trait: 'Set a trait',
  tag: 'Tag the conversation',
  set_priority: 'Set the priority',
  assign: 'Assign to a team',
  suggest_articles: 'Suggest help articles',
  handover: 'Hand over to a person',
};

/** What the selects list and the summaries name. */
export interface BotReferences {
  teams: readonly Pick<Team, 'id' | 'name'>[];
  tags: readonly Pick<Tag, 'id' | 'name'>[];
}

export interface BotDraft {
  name: string;
  enabled: boolean;
  on: BotTriggerOn;
  audience: RuleDraft;
  steps: StepDraft[];
}

export function botDraftFrom(bot: Bot | null): BotDraft {
  return {
    name: bot?.name ?? '',
    enabled: bot?.enabled ?? true,
    on: bot?.trigger.on ?? 'new_conversation',
    audience: ruleDraftFrom(bot?.trigger.audience ?? null),
    steps: (bot?.steps ?? []).map(stepDraftFrom),
  };
}

export interface BotErrors {
  name?: string;
  audience?: RuleErrors;
  /** About the list as a whole (none, too many). */
  steps?: string;
  /** Per step row, by its key. */
  step?: ReadonlyMap<number, string>;
}

export interface BotInput {
  name: string;
  enabled: boolean;
  trigger: { on: BotTriggerOn; audience?: Rule };
  steps: BotStep[];
}

const isEveryone = (rule: Rule) => 'all' in rule && rule.all.length === 0;

export function botInputFrom(draft: BotDraft): { ok: true; input: BotInput } | { ok: false; errors: BotErrors } {
  const errors: BotErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = 'Give the bot a name.';
  else if (name.length > BOT_LIMITS.name) errors.name = `At most ${BOT_LIMITS.name} characters.`;
  const audience = compileRuleDraft(draft.audience);
  if (!audience.ok) errors.audience = audience.errors;
  if (draft.steps.length === 0) errors.steps = 'Add at least one step.';
  else if (draft.steps.length > BOT_LIMITS.steps) errors.steps = `At most ${BOT_LIMITS.steps} steps.`;
  const steps: BotStep[] = [];
  const rowErrors = new Map<number, string>();
  for (const d of draft.steps) {
    const checked = stepFromDraft(d);
    if (checked.ok) steps.push(checked.step);
    else rowErrors.set(d.key, checked.error);
  }
  if (rowErrors.size > 0) errors.step = rowErrors;
  if (errors.name || errors.audience || errors.steps || errors.step || !audience.ok) return { ok: false, errors };
  const trigger = { on: draft.on, ...(isEveryone(audience.rule) ? {} : { audience: audience.rule }) };
  return { ok: true, input: { name, enabled: draft.enabled, trigger, steps } };
}

/** Only what differs from the saved bot; the audience compared as the builder writes it, so opening and saving changes nothing. */
export function botPatch(saved: Bot, input: BotInput): UpdateBotRequest {
  const built = saved.trigger.audience ? compileRuleDraft(ruleDraftFrom(saved.trigger.audience)) : null;
  const audience = built?.ok && !isEveryone(built.rule) ? built.rule : undefined;
  const before: Record<string, unknown> = { ...saved, trigger: { on: saved.trigger.on, ...(audience ? { audience } : {}) } };
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key])) patch[key] = value;
  }
  return patch as UpdateBotRequest;
}

/** "When a visitor starts a conversation · for some visitors · 5 steps: Say a message, Ask with buttons…". */
export function botSummary(bot: Bot): string {
  const who = bot.trigger.audience && !isEveryone(bot.trigger.audience) ? 'for some visitors' : 'for every visitor';
  const count = `${bot.steps.length} ${bot.steps.length === 1 ? 'step' : 'steps'}`;
  return `When ${BOT_TRIGGER_LABELS[bot.trigger.on].toLowerCase()} · ${who} · ${count}`;
}

/** How a step is named in the "Then go to" lists: "Step 3: Ask with buttons". */
export const stepName = (steps: readonly Pick<StepDraft, 'type'>[], index: number): string => `Step ${index + 1}: ${STEP_LABELS[steps[index].type]}`;

export function botsInOrder(bots: readonly Bot[]): Bot[] {
  return [...bots].sort((a, b) => a.position - b.position);
}

/** The ids in the order after moving `id` one place up (-1) or down (1). */
export function botOrderAfterMove(bots: readonly Pick<Bot, 'id'>[], id: string, delta: -1 | 1): string[] {
  const ids = bots.map((b) => b.id);
  const from = ids.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ids.length) return ids;
  ids.splice(from, 1);
  ids.splice(to, 0, id);
  return ids;
}
