// @vitest-environment happy-dom
/** The segment screens against a fake API: the live count while editing, saving, and a saved segment's contacts. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CreateSegmentInput, Rule, Segment } from '../../../protocol/index.js';
import { fakeApi } from '../../test-support/fake-api.js';
import { contactProfile } from '../../test-support/fixtures.js';
import { SegmentEditor } from './SegmentEditor.js';
import { SegmentsTable } from './SegmentsTable.js';

const pro: Segment = { id: 'seg_1', name: 'Pro users', rule: { all: [{ attr: 'plan', op: 'eq', value: 'pro' }] }, created_at: '', updated_at: 'v1' };
const ada = contactProfile({ id: 'ct1', name: 'Ada Lovelace', locale: 'en-GB', lastSeenAt: new Date().toISOString() });
const bob = contactProfile({ id: 'ct2', email: 'bob@example.com', locale: null });

/** Counts contacts whose "plan" matches the rule's first value, so a changed rule changes the count. */
async function preview(rule: Rule) {
  const text = JSON.stringify(rule);
  return text.includes('"pro"') ? { count: 1234, sample: [ada] } : text.includes('"team"') ? { count: 1, sample: [bob] } : { count: 5000, sample: [ada, bob] };
}

describe('SegmentEditor', () => {
  afterEach(() => cleanup());

  it('counts matching contacts live (debounced) while the rule is edited, and creates the segment', async () => {
    const previewSegment = vi.fn(preview);
    const createSegment = vi.fn(async (input: CreateSegmentInput) => ({ ...pro, ...input, id: 'seg_new' }));
    const api = fakeApi({ listSegments: async () => ({ data: [pro], next_cursor: null }), previewSegment, createSegment, listSegmentContacts: async () => ({ data: [ada], next_cursor: null, count: 1 }) });
    render(<SegmentEditor api={api} id={null} />);

    const matches = await screen.findByRole('region', { name: 'Matching contacts' });
    await waitFor(() => expect(within(matches).getByRole('status').textContent).toBe('5,000 contacts match'));
    expect(within(matches).getByRole('table', { name: 'Sample of matching contacts' }).textContent).toContain('bob@example.com');

    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Team plan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add condition' }));
    // An unfinished row is not sent.
    await waitFor(() => expect(within(matches).getByRole('status').textContent).toBe('Finish the conditions to see how many contacts match.'));
    const calls = previewSegment.mock.calls.length;
    fireEvent.input(screen.getByLabelText('Attribute of condition 1'), { target: { value: 'plan' } });
    fireEvent.input(screen.getByLabelText('Value of condition 1'), { target: { value: 't' } });
    fireEvent.input(screen.getByLabelText('Value of condition 1'), { target: { value: 'team' } });
    await waitFor(() => expect(within(matches).getByRole('status').textContent).toBe('1 contact matches'));
    // Typing quickly asks once, for the last rule.
    expect(previewSegment.mock.calls.length).toBe(calls + 1);
    expect(previewSegment.mock.calls.at(-1)?.[0]).toEqual({ all: [{ attr: 'plan', op: 'eq', value: 'team' }] });

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByText('Segment created.')).toBeTruthy());
    expect(createSegment).toHaveBeenCalledWith({ name: 'Team plan', rule: { all: [{ attr: 'plan', op: 'eq', value: 'team' }] } });
  });

  it('lists every contact of a saved segment, page by page', async () => {
    const listSegmentContacts = vi.fn(async (_id: string, options?: { cursor?: string | null }) =>
      // Like the server: the total comes with the first page only.
      options?.cursor ? { data: [bob], next_cursor: null } : { data: [ada], next_cursor: 'c2', count: 2 },
    );
    const api = fakeApi({ getSegment: async () => pro, listSegments: async () => ({ data: [pro], next_cursor: null }), previewSegment: preview, listSegmentContacts });
    render(<SegmentEditor api={api} id="seg_1" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Pro users' })).toBeTruthy();
    const region = await screen.findByRole('region', { name: 'Contacts in this segment (2)' });
    expect(within(region).getByText('Ada Lovelace')).toBeTruthy();
    expect(within(region).getByText('en-GB')).toBeTruthy();
    fireEvent.click(within(region).getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(region).getByText('bob@example.com')).toBeTruthy());
    expect(within(region).queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Contacts in this segment (2)' })).toBe(region);
    expect(listSegmentContacts).toHaveBeenLastCalledWith('seg_1', { cursor: 'c2', signal: undefined });
    await waitFor(() => expect(screen.getByText('1,234 contacts match')).toBeTruthy());
  });
});

describe('SegmentsTable', () => {
  afterEach(() => cleanup());

  it('lists segments with their live count', async () => {
    const api = fakeApi({
      listSegments: async () => ({ data: [pro], next_cursor: null }),
      countSegment: async () => ({ count: 4321 }),
    });
    render(<SegmentsTable api={api} />);
    expect((await screen.findByRole('link', { name: 'Pro users' })).getAttribute('href')).toBe('#/segments/seg_1');
    await waitFor(() => expect(screen.getByText('4,321')).toBeTruthy());
    expect(screen.getByRole('link', { name: 'New segment' }).getAttribute('href')).toBe('#/segments/new');
  });
});
