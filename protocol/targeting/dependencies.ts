/**
 * What a rule reads, and an index from those facts back to content: the basis
 * of incremental audience evaluation. When a contact's `plan` trait changes
 * or a `payment_failed` event arrives, only content whose rule mentions `plan`
 * or `payment_failed` needs re-evaluating, not every live campaign.
 *
 * @example
 * const index = new AudienceIndex();
 * index.add('msg_1', { attr: 'plan', op: 'eq', value: 'pro' });
 * index.affectedBy({ traits: ['plan'] }); // ['msg_1']
 */
import type { Rule } from './rule.js';
import { isRelativeDate } from './time-values.js';

/** Facets without a name: a rule either reads them or not. */
export const TARGETING_FACETS = ['page', 'timeOnPage', 'locale', 'device', 'browser', 'country', 'clock'] as const;
export type TargetingFacet = (typeof TARGETING_FACETS)[number];

/**
 * Named facts (trait keys, event names, segment ids) and facets read by a rule.
 * `clock` means the verdict can change with time alone (event windows, relative
 * dates such as `-7d`): such content needs periodic re-evaluation even when
 * nothing about the contact changed.
 */
export interface RuleDependencies extends Record<TargetingFacet, boolean> {
  traits: Set<string>;
  events: Set<string>;
  segments: Set<string>;
}

function emptyDependencies(): RuleDependencies {
  return { traits: new Set(), events: new Set(), segments: new Set(), page: false, timeOnPage: false, locale: false, device: false, browser: false, country: false, clock: false };
}

function readsRelativeDate(condition: { op: string; value?: unknown }): boolean {
  return (condition.op === 'before' || condition.op === 'after') && typeof condition.value === 'string' && isRelativeDate(condition.value);
}

function collect(rule: Rule, deps: RuleDependencies): void {
  if ('all' in rule) for (const child of rule.all) collect(child, deps);
  else if ('any' in rule) for (const child of rule.any) collect(child, deps);
  else if ('not' in rule) collect(rule.not, deps);
  else if ('attr' in rule) {
    deps.traits.add(rule.attr);
    if (readsRelativeDate(rule)) deps.clock = true;
  } else if ('event' in rule) {
    deps.events.add(rule.event);
    if (rule.within !== undefined) deps.clock = true;
    for (const condition of Object.values(rule.where ?? {})) if (readsRelativeDate(condition)) deps.clock = true;
  } else if ('page' in rule) deps.page = true;
  else if ('time_on_page_s' in rule) deps.timeOnPage = true;
  else if ('segment' in rule) deps.segments.add(rule.segment);
  else if ('locale' in rule) deps.locale = true;
  else if ('device' in rule) deps.device = true;
  else if ('browser' in rule) deps.browser = true;
  else deps.country = true;
}

export function ruleDependencies(rule: Rule): RuleDependencies {
  const deps = emptyDependencies();
  collect(rule, deps);
  return deps;
}

/** What changed about a contact (or, with `clock`, that time has passed). */
export type TargetingChange = Partial<Record<TargetingFacet, boolean>> & {
  traits?: Iterable<string>;
  events?: Iterable<string>;
  segments?: Iterable<string>;
};

type Keyed = 'traits' | 'events' | 'segments';

export class AudienceIndex {
  private readonly dependencies = new Map<string, RuleDependencies>();
  private readonly byName: Record<Keyed, Map<string, Set<string>>> = { traits: new Map(), events: new Map(), segments: new Map() };
  private readonly byFacet = new Map<TargetingFacet, Set<string>>(TARGETING_FACETS.map((f) => [f, new Set<string>()]));

  get size(): number {
    return this.dependencies.size;
  }

  /** Indexes (or re-indexes, when the rule was edited) one piece of content. */
  add(contentId: string, rule: Rule): void {
    this.remove(contentId);
    const deps = ruleDependencies(rule);
    this.dependencies.set(contentId, deps);
    for (const kind of ['traits', 'events', 'segments'] as const) {
      for (const name of deps[kind]) {
        const ids = this.byName[kind].get(name);
        if (ids) ids.add(contentId);
        else this.byName[kind].set(name, new Set([contentId]));
      }
    }
    for (const facet of TARGETING_FACETS) if (deps[facet]) this.byFacet.get(facet)?.add(contentId);
  }

  remove(contentId: string): void {
    const deps = this.dependencies.get(contentId);
    if (!deps) return;
    this.dependencies.delete(contentId);
    for (const kind of ['traits', 'events', 'segments'] as const) {
      for (const name of deps[kind]) {
        const ids = this.byName[kind].get(name);
        ids?.delete(contentId);
        if (ids?.size === 0) this.byName[kind].delete(name); // keep the maps as small as the live rules
      }
    }
    for (const facet of TARGETING_FACETS) this.byFacet.get(facet)?.delete(contentId);
  }

  dependenciesOf(contentId: string): RuleDependencies | undefined {
    return this.dependencies.get(contentId);
  }

  /** Content whose rule reads anything in `change`: the only content to re-evaluate. */
  affectedBy(change: TargetingChange): string[] {
    const hit = new Set<string>();
    for (const kind of ['traits', 'events', 'segments'] as const) {
      for (const name of change[kind] ?? []) for (const id of this.byName[kind].get(name) ?? []) hit.add(id);
    }
    for (const facet of TARGETING_FACETS) if (change[facet]) for (const id of this.byFacet.get(facet) ?? []) hit.add(id);
    return [...hit];
  }
}
