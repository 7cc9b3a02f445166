/**
 * "Server and widget agree": the server builds its context from stored rows
 * (traits as a JSON column, events as `{ name, props, occurredAt }` rows in
 * whatever order the query returns), the widget folds events one at a time as
 * they fire — sometimes late and out of order, from its offline queue. For any
 * rule and any history both must decide the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventsArb, NOW, ruleArb, traitsArb, type GeneratedEvent } from './arbitraries.test-helper.js';
import { contextFromLive, contextFromRows, LiveContext, type EventRow } from './context.js';
import { evaluateRule, ruleVerdict } from './evaluate.js';

/** As the store returns them: JSON props, ISO times. */
const asStoredRows = (events: GeneratedEvent[]): EventRow[] => events.map((e) => ({ name: e.name, props: JSON.stringify(e.props), occurredAt: new Date(e.at).toISOString() }));
/** As the widget sees them: objects, epoch ms. */
const asLiveEvents = (events: GeneratedEvent[]): EventRow[] => events.map((e) => ({ name: e.name, props: e.props, occurredAt: e.at }));

const historyArb = eventsArb.chain((events) =>
  fc.record({
    arrival: fc.constant(events),
    // The store's order is unrelated to the order the widget saw them in.
    stored: fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
  }),
);

describe('server (rows) and widget (live fold) agree', () => {
  it('on the decision, for random rules and random event sequences', () => {
    fc.assert(
      fc.property(ruleArb, traitsArb, historyArb, fc.integer({ min: 0, max: 6 }), (rule, traits, { arrival, stored }, recentLimit) => {
        const server = contextFromRows({ traits: JSON.stringify(traits), locale: 'en-GB', device: 'mobile' }, asStoredRows(stored), { recentLimit });
        const widget = contextFromLive({ traits, locale: 'en-GB', device: 'mobile' }, asLiveEvents(arrival), { recentLimit });
        expect(ruleVerdict(rule, widget, NOW)).toBe(ruleVerdict(rule, server, NOW));
        expect(evaluateRule(rule, widget, NOW)).toBe(evaluateRule(rule, server, NOW));
      }),
      { numRuns: 500 },
    );
  });

  it('because both build the same event summary, whatever the order', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 0, max: 6 }), ({ arrival, stored }, recentLimit) => {
        const server = contextFromRows({ traits: null }, asStoredRows(stored), { recentLimit });
        const widget = contextFromLive({ traits: null }, asLiveEvents(arrival), { recentLimit });
        expect(widget.events).toEqual(server.events);
      }),
    );
  });

  it('when the widget starts from the server summary and folds the rest', () => {
    fc.assert(
      fc.property(ruleArb, eventsArb, eventsArb, (rule, before, during) => {
        const server = contextFromRows({ traits: {} }, asStoredRows([...before, ...during]), { recentLimit: 4 });
        const live = new LiveContext({ traits: {} }, { events: contextFromRows({ traits: {} }, asStoredRows(before), { recentLimit: 4 }).events, recentLimit: 4 });
        for (const event of asLiveEvents(during)) live.track(event);
        expect(ruleVerdict(rule, live.context, NOW)).toBe(ruleVerdict(rule, server, NOW));
      }),
      { numRuns: 300 },
    );
  });
});

describe('LiveContext', () => {
  it('tracks the page and time on page for the moment decision', () => {
    const live = new LiveContext({ traits: { plan: 'pro' } });
    const rule = { all: [{ page: { op: 'glob' as const, value: '/billing/**' } }, { time_on_page_s: { gte: 30 } }] };
    expect(ruleVerdict(rule, live.context, NOW)).toBeNull(); // no page yet: not decidable
    live.setPage({ url: 'https://x.test/billing', path: '/billing' }, NOW);
    expect(evaluateRule(rule, live.context, NOW)).toBe(false);
    live.tick(NOW + 31_000);
    expect(evaluateRule(rule, live.context, NOW)).toBe(true);
    live.setPage({ url: 'https://x.test/docs', path: '/docs' }, NOW + 40_000); // SPA route change
    expect(evaluateRule(rule, live.context, NOW)).toBe(false);
    live.setTraits({ plan: 'team', nested: { no: 1 } });
    expect(live.context.traits).toEqual({ plan: 'team' });
  });
});

describe('hostile keys', () => {
  it('a `__proto__` trait or prop is data on both sides, never a prototype', () => {
    const json = '{"__proto__":null,"plan":"pro"}';
    const rows = [{ name: '__proto__', props: json, occurredAt: NOW }];
    const server = contextFromRows({ traits: json }, rows);
    const live = new LiveContext({ traits: {} });
    live.setTraits(JSON.parse(json) as Record<string, unknown>);
    live.track({ name: '__proto__', props: JSON.parse(json) as Record<string, unknown>, occurredAt: NOW });
    for (const ctx of [server, live.context]) {
      expect(Object.getPrototypeOf(ctx.traits)).toBe(Object.prototype);
      expect(Object.prototype.hasOwnProperty.call(ctx.traits, '__proto__')).toBe(true);
      expect(evaluateRule({ attr: '__proto__', op: 'exists' }, ctx, NOW)).toBe(false); // it is null
      expect(evaluateRule({ attr: 'constructor', op: 'exists' }, ctx, NOW)).toBe(false);
      expect(evaluateRule({ event: '__proto__', op: 'count_gte', value: 1, where: { plan: { op: 'eq', value: 'pro' } } }, ctx, NOW)).toBe(true);
    }
    expect(live.context.traits).toEqual(server.traits);
    expect(live.context.events).toEqual(server.events);
  });
});
