import { describe, expect, it } from 'vitest';
import { findMentions } from './mentions.js';

const agents = [
  { id: 'ada', name: 'Ada', email: 'ada@example.com' },
  { id: 'adal', name: 'Ada Lovelace', email: 'lovelace@example.com' },
  { id: 'grace', name: 'Grace Hopper', email: 'grace@navy.test' },
];

describe('findMentions', () => {
  it('resolves @Name and @email, any case, in order of first mention, each once', () => {
    expect(findMentions('@grace hopper can you look? cc @ADA@example.com and @Grace Hopper again', agents)).toEqual(['grace', 'ada']);
  });

  it('takes the longest name at each @', () => {
    expect(findMentions('@Ada Lovelace, thoughts?', agents)).toEqual(['adal']);
    expect(findMentions('@Ada, thoughts?', agents)).toEqual(['ada']);
  });

  it('needs a word boundary after the handle and none before the @', () => {
    expect(findMentions('@Adam said hi', agents)).toEqual([]);
    expect(findMentions('write to ada@example.com', agents)).toEqual([]);
    expect(findMentions('ping @lovelace@example.com.', agents)).toEqual(['adal']);
    expect(findMentions('@ada@example.community', agents)).toEqual([]);
  });

  it('finds nothing without agents or @', () => {
    expect(findMentions('no mentions here', agents)).toEqual([]);
    expect(findMentions('@Ada', [])).toEqual([]);
  });
});
