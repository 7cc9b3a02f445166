import { describe, expect, it } from 'vitest';
import type { CannedReply } from '../../protocol/index.js';
import { cannedReplyProblems, draftOf, EMPTY_DRAFT, toCreateInput, toUpdateInput } from './canned-reply-form.js';

const saved: CannedReply = { id: 'cr1', shortcut: 'refund', title: 'Refund policy', body: 'Hi {{user.first_name}}', created_at: '', updated_at: '' };

describe('the canned reply form', () => {
  it('names what is missing or wrong, field by field', () => {
    expect(cannedReplyProblems(EMPTY_DRAFT)).toEqual({ shortcut: 'Give it a shortcut.', title: 'Give it a title.', body: 'Write the reply.' });
    expect(cannedReplyProblems({ shortcut: 'Refund Now', title: 'x', body: 'y' })).toEqual({ shortcut: 'Use lowercase letters, digits and "-" only.' });
    expect(cannedReplyProblems({ shortcut: 'a'.repeat(41), title: 't'.repeat(101), body: 'y' })).toEqual({
      shortcut: 'At most 40 characters.',
      title: 'At most 100 characters.',
    });
    expect(cannedReplyProblems(draftOf(saved))).toEqual({});
  });

  it('sends a new reply trimmed, and an edit as only what changed', () => {
    expect(toCreateInput({ shortcut: ' hi ', title: ' Hello ', body: 'Hi there\n' })).toEqual({ shortcut: 'hi', title: 'Hello', body: 'Hi there\n' });
    expect(toUpdateInput(saved, draftOf(saved))).toEqual({});
    expect(toUpdateInput(saved, { ...draftOf(saved), title: 'Refunds' })).toEqual({ title: 'Refunds' });
  });
});
