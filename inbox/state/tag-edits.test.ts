import { describe, expect, it } from 'vitest';
import { addTag, MAX_TAGS_PER_CONVERSATION, removeTag, tagProblem, tagSuggestions } from './tag-edits.js';

describe('tag edits', () => {
  it('adds a trimmed name once, regardless of case, within the limit', () => {
    expect(addTag(['Bug'], '  vip ')).toEqual(['Bug', 'vip']);
    const tags = ['Bug'];
    expect(addTag(tags, 'bug')).toBe(tags);
    expect(addTag(tags, '   ')).toBe(tags);
    expect(tagProblem(tags, 'BUG')).toBe('“BUG” is already on this conversation.');
    const full = Array.from({ length: MAX_TAGS_PER_CONVERSATION }, (_, i) => `t${i}`);
    expect(tagProblem(full, 'one more')).toBe('At most 20 tags per conversation.');
    expect(tagProblem([], 'x'.repeat(51))).toBe('A tag has at most 50 characters.');
  });

  it('removes regardless of case', () => {
    expect(removeTag(['Bug', 'vip'], 'BUG')).toEqual(['vip']);
  });

  it('suggests known tags not on the conversation, those starting with the text first', () => {
    const known = ['Bug', 'Debugging', 'Billing', 'Sales lead', 'bugfix'];
    expect(tagSuggestions(known, 'bug', [])).toEqual(['Bug', 'bugfix', 'Debugging']);
    expect(tagSuggestions(known, 'BUG', ['bug'])).toEqual(['bugfix', 'Debugging']);
    expect(tagSuggestions(known, '', ['Bug'], 2)).toEqual(['Billing', 'bugfix']);
  });
});
