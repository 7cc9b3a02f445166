import { describe, expect, it } from 'vitest';
import { AudienceIndex, ruleDependencies } from './dependencies.js';
import type { Rule } from './rule.js';

const campaign: Rule = {
  all: [
    { attr: 'plan', op: 'eq', value: 'pro' },
    { any: [{ event: 'payment_failed', op: 'count_gte', value: 2 }, { not: { segment: 'vip' } }] },
    { page: { op: 'glob', value: '/billing/*' } },
    { locale: { op: 'eq', value: 'en' } },
  ],
};

describe('ruleDependencies', () => {
  it('collects traits, events, segments and facets from every level', () => {
    const deps = ruleDependencies(campaign);
    expect([...deps.traits]).toEqual(['plan']);
    expect([...deps.events]).toEqual(['payment_failed']);
    expect([...deps.segments]).toEqual(['vip']);
    expect(deps).toMatchObject({ page: true, locale: true, timeOnPage: false, device: false, browser: false, country: false, clock: false });
  });

  it.each<[string, Rule, boolean]>([
    ['event window', { event: 'x', op: 'last_within', within: '7d' }, true],
    ['event count over all time', { event: 'x', op: 'count_gte', value: 1 }, false],
    ['relative date', { attr: 'signed_up_at', op: 'after', value: '-7d' }, true],
    ['absolute date', { attr: 'signed_up_at', op: 'after', value: '2025-01-01' }, false],
    ['relative date in a where filter', { event: 'x', op: 'never', where: { due: { op: 'before', value: '+1d' } } }, true],
  ])('clock: %s → %s', (_name, rule, clock) => {
    expect(ruleDependencies(rule).clock).toBe(clock);
  });

  it('reads device, browser, country and time on page', () => {
    const deps = ruleDependencies({
      any: [{ device: { op: 'eq', value: 'mobile' } }, { browser: { op: 'eq', value: 'safari' } }, { country: { op: 'eq', value: 'ID' } }, { time_on_page_s: { gte: 5 } }],
    });
    expect(deps).toMatchObject({ device: true, browser: true, country: true, timeOnPage: true, page: false });
  });
});

describe('AudienceIndex', () => {
  const build = () => {
    const index = new AudienceIndex();
    index.add('billing', campaign);
    index.add('onboarding', { all: [{ event: 'signup', op: 'last_within', within: '7d' }, { attr: 'plan', op: 'eq', value: 'trial' }] });
    index.add('everyone', { all: [] });
    index.add('mobile', { device: { op: 'eq', value: 'mobile' } });
    return index;
  };

  it('returns only the content whose rules read what changed', () => {
    const index = build();
    expect(index.affectedBy({ traits: ['plan'] }).sort()).toEqual(['billing', 'onboarding']);
    expect(index.affectedBy({ events: ['signup'] })).toEqual(['onboarding']);
    expect(index.affectedBy({ events: ['page_viewed'], traits: ['name'] })).toEqual([]);
    expect(index.affectedBy({ segments: ['vip'] })).toEqual(['billing']);
    expect(index.affectedBy({ device: true })).toEqual(['mobile']);
    expect(index.affectedBy({ clock: true })).toEqual(['onboarding']);
    expect(index.affectedBy({})).toEqual([]);
  });

  it('lists each content once however many of its facts changed', () => {
    expect(build().affectedBy({ traits: ['plan'], events: ['payment_failed', 'signup'], page: true }).sort()).toEqual(['billing', 'onboarding']);
  });

  it('re-indexes an edited rule and forgets a removed one', () => {
    const index = build();
    index.add('billing', { attr: 'seats', op: 'gt', value: 10 });
    expect(index.affectedBy({ traits: ['plan'] })).toEqual(['onboarding']);
    expect(index.affectedBy({ traits: ['seats'] })).toEqual(['billing']);
    index.remove('onboarding');
    index.remove('missing');
    expect(index.affectedBy({ traits: ['plan'], events: ['signup'], clock: true })).toEqual([]);
    expect(index.size).toBe(3);
    expect(index.dependenciesOf('onboarding')).toBeUndefined();
  });
});
