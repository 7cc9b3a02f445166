/**
 * A bot's steps as the editor holds them: one flat draft per step (every
 * field any type may need, typed as the form types them) with a stable `key`
 * for focus and errors, and the step `id` the server keeps (buttons name the
 * step they lead to by it, so ids survive moves). The way back to the
 * protocol's steps says what is missing per row.
 */
import {
  BOT_LIMITS,
  type BotButtonOption,
  type BotField,
  type BotStep,
  type BotStepType,
  type BotValidation,
  type Priority,
} from '../../protocol/index.js';
import { firstFreeId, moveByKey } from './keyed-list.js';

export interface OptionDraft {
  key: number;
  id: string;
  label: string;
  /** A step id, or '' for the step after. */
  next: string;
}

export interface StepDraft {
  key: number;
  id: string;
  type: BotStepType;
  body: string;
  options: OptionDraft[];
  /** The trait a button's label, a collected answer (field "trait") or a set_trait step keeps. */
  traitKey: string;
  field: BotField;
  validation: BotValidation;
  /** A collected choice's options, one per line. */
  choices: string;
  /** A set_trait value as typed: `true`, `false` and numbers are stored as such. */
  value: string;
  tagId: string;
  priority: Priority;
  teamId: string;
}

let lastKey = 0;
const nextKey = (): number => ++lastKey;

export function newOptionDraft(options: readonly OptionDraft[], label = ''): OptionDraft {
  return { key: nextKey(), id: firstFreeId(options, 'o'), label, next: '' };
}

export function newStepDraft(steps: readonly { id: string }[], type: BotStepType = 'message'): StepDraft {
  const draft: StepDraft = { key: nextKey(), id: firstFreeId(steps, 's'), type, body: '', options: [], traitKey: '', field: 'email', validation: 'email', choices: '', value: '', tagId: '', priority: 'high', teamId: '' };
  return type === 'buttons' ? withOptions(draft) : draft;
}

/** A buttons step starts with two empty options. */
export function withOptions(draft: StepDraft): StepDraft {
  if (draft.options.length > 0) return draft;
  const first = newOptionDraft([]);
  return { ...draft, options: [first, newOptionDraft([first])] };
}

export function stepDraftFrom(step: BotStep): StepDraft {
  const draft = { ...newStepDraft([], step.type), id: step.id };
  switch (step.type) {
    case 'message':
      return { ...draft, body: step.body };
    case 'buttons':
      return { ...draft, body: step.body, traitKey: step.trait_key ?? '', options: step.options.map((o: BotButtonOption) => ({ key: nextKey(), id: o.id, label: o.label, next: o.next ?? '' })) };
    case 'collect':
      return { ...draft, body: step.body, field: step.field, traitKey: step.trait_key ?? '', validation: step.validation, choices: (step.options ?? []).join('\n') };
    case 'set_trait':
      return { ...draft, traitKey: step.key, value: String(step.value) };
    case 'tag':
      return { ...draft, tagId: step.tag_id };
    case 'set_priority':
      return { ...draft, priority: step.priority };
    case 'assign':
      return { ...draft, teamId: step.team_id };
    default:
      return draft;
  }
}

function typedValue(text: string): string | number | boolean {
  const t = text.trim();
  if (t === 'true' || t === 'false') return t === 'true';
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : text;
}

const TRAIT = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** The step, or what the row lacks. */
export function stepFromDraft(d: StepDraft): { ok: true; step: BotStep } | { ok: false; error: string } {
  const body = d.body.trim();
  const needBody = () => (body ? null : 'Write what the bot says.');
  const traitProblem = (key: string) => (TRAIT.test(key) ? null : 'Trait names start with a letter or "_" (letters, digits, "_", "." and "-").');
  switch (d.type) {
    case 'message':
      return needBody() ? { ok: false, error: needBody() as string } : { ok: true, step: { id: d.id, type: 'message', body } };
    case 'buttons': {
      if (needBody()) return { ok: false, error: needBody() as string };
      const options = d.options.map((o) => ({ id: o.id, label: o.label.trim(), ...(o.next ? { next: o.next } : {}) }));
      if (options.length === 0 || options.some((o) => !o.label)) return { ok: false, error: 'Give every button a label.' };
      if (options.length > BOT_LIMITS.options) return { ok: false, error: `At most ${BOT_LIMITS.options} buttons.` };
      if (d.traitKey.trim() && traitProblem(d.traitKey.trim())) return { ok: false, error: traitProblem(d.traitKey.trim()) as string };
      return { ok: true, step: { id: d.id, type: 'buttons', body, options, ...(d.traitKey.trim() ? { trait_key: d.traitKey.trim() } : {}) } };
    }
    case 'collect': {
      if (needBody()) return { ok: false, error: needBody() as string };
      const options = d.choices.split('\n').map((c) => c.trim()).filter(Boolean);
      if (d.validation === 'choice' && options.length === 0) return { ok: false, error: 'List the choices, one per line.' };
      if (d.field === 'trait' && traitProblem(d.traitKey.trim())) return { ok: false, error: traitProblem(d.traitKey.trim()) as string };
      return {
        ok: true,
        step: { id: d.id, type: 'collect', body, field: d.field, validation: d.validation, ...(d.field === 'trait' ? { trait_key: d.traitKey.trim() } : {}), ...(d.validation === 'choice' ? { options } : {}) },
      };
    }
    case 'set_trait':
      if (traitProblem(d.traitKey.trim())) return { ok: false, error: traitProblem(d.traitKey.trim()) as string };
      return { ok: true, step: { id: d.id, type: 'set_trait', key: d.traitKey.trim(), value: typedValue(d.value) } };
    case 'tag':
      return d.tagId ? { ok: true, step: { id: d.id, type: 'tag', tag_id: d.tagId } } : { ok: false, error: 'Choose a tag.' };
    case 'set_priority':
      return { ok: true, step: { id: d.id, type: 'set_priority', priority: d.priority } };
    case 'assign':
      return d.teamId ? { ok: true, step: { id: d.id, type: 'assign', team_id: d.teamId } } : { ok: false, error: 'Choose a team.' };
    case 'suggest_articles':
    case 'handover':
      return { ok: true, step: { id: d.id, type: d.type } };
  }
}

export function replaceStep(steps: readonly StepDraft[], key: number, change: Partial<Omit<StepDraft, 'key'>>): StepDraft[] {
  return steps.map((s) => {
    if (s.key !== key) return s;
    const next = { ...s, ...change };
    return next.type === 'buttons' ? withOptions(next) : next;
  });
}

export const moveStep = (steps: readonly StepDraft[], key: number, delta: -1 | 1): StepDraft[] => moveByKey(steps, key, delta);

/** Removes a step; buttons that led to it go to the step after instead. */
export function removeStep(steps: readonly StepDraft[], key: number): StepDraft[] {
  const gone = steps.find((s) => s.key === key);
  return steps.filter((s) => s.key !== key).map((s) => (s.options.some((o) => o.next === gone?.id) ? { ...s, options: s.options.map((o) => (o.next === gone?.id ? { ...o, next: '' } : o)) } : s));
}
