// @vitest-environment happy-dom
/** The rule builder as an admin uses it: rows of every kind, nested groups, Not, and JSON mode. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import type { Rule } from '../../../protocol/index.js';
import { compileRuleDraft, ruleDraftFrom, type RuleDraft } from '../../state/rule-check.js';
import { RuleBuilder } from './RuleBuilder.js';

let latest: RuleDraft | null = null;

function Harness({ initial, showErrors = false }: { initial: Rule | null; showErrors?: boolean }) {
  const [draft, setDraft] = useState(() => ruleDraftFrom(initial));
  latest = draft;
  const compiled = compileRuleDraft(draft);
  return (
    <RuleBuilder
      legend="Audience"
      idPrefix="t"
      draft={draft}
      onChange={setDraft}
      errors={showErrors && !compiled.ok ? compiled.errors : null}
      segments={[{ id: 'seg_1', name: 'Pro users' }]}
    />
  );
}

const rule = () => {
  const compiled = compileRuleDraft(latest as RuleDraft);
  return compiled.ok ? compiled.rule : compiled.errors;
};

describe('RuleBuilder', () => {
  afterEach(() => cleanup());

  it('builds a rule from rows, a nested group and Not', async () => {
    render(<Harness initial={null} />);
    expect(screen.getByText('No conditions yet: everyone matches.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add condition' }));
    const type = screen.getByLabelText('Condition of condition 1');
    await waitFor(() => expect(document.activeElement).toBe(type));
    fireEvent.input(screen.getByLabelText('Attribute of condition 1'), { target: { value: 'plan' } });
    fireEvent.change(screen.getByLabelText('Operator of condition 1'), { target: { value: 'in' } });
    fireEvent.input(screen.getByLabelText('Values of condition 1'), { target: { value: 'pro, team' } });

    fireEvent.click(screen.getByRole('button', { name: 'Add condition' }));
    fireEvent.change(screen.getByLabelText('Condition of condition 2'), { target: { value: 'event' } });
    fireEvent.input(screen.getByLabelText('Event of condition 2'), { target: { value: 'payment_failed' } });
    fireEvent.change(screen.getByLabelText('Operator of condition 2'), { target: { value: 'last_within' } });
    fireEvent.input(screen.getByLabelText('Within of condition 2'), { target: { value: '7d' } });

    fireEvent.click(screen.getByRole('button', { name: 'Add group' }));
    const group = screen.getByRole('group', { name: 'Group 3' });
    fireEvent.click(within(group).getByRole('button', { name: 'Not' }));
    fireEvent.click(within(group).getByRole('button', { name: 'Add condition to group 3' }));
    fireEvent.change(screen.getByLabelText('Condition of condition 3.1'), { target: { value: 'segment' } });
    fireEvent.change(screen.getByLabelText('Segment of condition 3.1'), { target: { value: 'seg_1' } });
    fireEvent.click(within(group).getByRole('button', { name: 'Add condition to group 3' }));
    fireEvent.change(screen.getByLabelText('Condition of condition 3.2'), { target: { value: 'device' } });
    fireEvent.change(screen.getByLabelText('Value of condition 3.2'), { target: { value: 'mobile' } });

    const match = screen.getAllByRole('group', { name: 'Match' })[0];
    fireEvent.click(within(match).getByRole('button', { name: 'Any' }));

    expect(rule()).toEqual({
      any: [
        { attr: 'plan', op: 'in', value: ['pro', 'team'] },
        { event: 'payment_failed', op: 'last_within', within: '7d' },
        { not: { any: [{ segment: 'seg_1' }, { device: { op: 'eq', value: 'mobile' } }] } },
      ],
    });

    fireEvent.click(screen.getByRole('button', { name: 'Remove condition 1' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add condition' })));
    fireEvent.click(screen.getByRole('button', { name: 'Remove group 2' }));
    expect(rule()).toEqual({ any: [{ event: 'payment_failed', op: 'last_within', within: '7d' }] });
  });

  it('types values by operator: numbers, true/false, time on page, page patterns', () => {
    render(<Harness initial={{ all: [{ attr: 'seats', op: 'gt', value: 5 }] }} />);
    expect(screen.getByLabelText('Value of condition 1')).toHaveProperty('type', 'number');
    fireEvent.change(screen.getByLabelText('Operator of condition 1'), { target: { value: 'eq' } });
    fireEvent.change(screen.getByLabelText('Type of condition 1'), { target: { value: 'boolean' } });
    fireEvent.change(screen.getByLabelText('Value of condition 1'), { target: { value: 'false' } });
    expect(rule()).toEqual({ all: [{ attr: 'seats', op: 'eq', value: false }] });

    fireEvent.change(screen.getByLabelText('Condition of condition 1'), { target: { value: 'time_on_page' } });
    fireEvent.input(screen.getByLabelText('At least (seconds) of condition 1'), { target: { value: '45' } });
    expect(rule()).toEqual({ all: [{ time_on_page_s: { gte: 45 } }] });

    fireEvent.change(screen.getByLabelText('Condition of condition 1'), { target: { value: 'page' } });
    fireEvent.input(screen.getByLabelText('URL of condition 1'), { target: { value: '/billing/*' } });
    expect(rule()).toEqual({ all: [{ page: { op: 'glob', value: '/billing/*' } }] });
  });

  it('shows each row’s error beside it, wired to its inputs', () => {
    render(<Harness initial={{ all: [{ attr: 'seats', op: 'gt', value: 5 }] }} showErrors />);
    fireEvent.input(screen.getByLabelText('Value of condition 1'), { target: { value: '' } });
    const input = screen.getByLabelText('Value of condition 1');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Enter a number.');
  });

  it('edits as JSON, validated, and refuses to leave JSON mode while it is invalid', () => {
    render(<Harness initial={{ all: [{ segment: 'seg_1' }] }} />);
    const toggle = screen.getByRole('button', { name: 'Edit as JSON' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    const json = screen.getByLabelText('Audience as JSON') as HTMLTextAreaElement;
    expect(JSON.parse(json.value)).toEqual({ all: [{ segment: 'seg_1' }] });
    fireEvent.input(json, { target: { value: '{"all":[{"attr":"plan","op":"gt","value":"x"}]}' } });
    fireEvent.click(toggle);
    expect(screen.getByText(/^Fix the JSON first: /)).toBeTruthy();
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    fireEvent.input(json, { target: { value: '{"any":[{"country":{"op":"in","value":["FR","DE"]}}]}' } });
    fireEvent.click(toggle);
    expect(screen.getByLabelText('Values of condition 1')).toHaveProperty('value', 'FR, DE');
    expect(rule()).toEqual({ any: [{ country: { op: 'in', value: ['FR', 'DE'] } }] });
  });
});
