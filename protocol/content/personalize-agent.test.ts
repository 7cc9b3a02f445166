/** Canned replies fill the sending agent in: `{{agent.name}}`, `{{agent.first_name}}`. */
import { describe, expect, it } from 'vitest';
import { personalize } from './personalize.js';

const user = { name: 'Ana Lima', first_name: 'Ana', email: null, traits: {} };

describe('personalize with an agent', () => {
  it('fills agent.name and agent.first_name, escaped like any value', () => {
    const body = 'Hi {{user.first_name}}, {{agent.first_name}} here ({{agent.name}}).';
    expect(personalize(body, { user, agent: { name: 'Grace [Hopper](x)', first_name: 'Grace' } })).toBe('Hi Ana, Grace here (Grace \\[Hopper\\]\\(x\\)).');
  });

  it('uses the fallback when the agent is unknown, and leaves other agent keys empty', () => {
    expect(personalize('{{agent.first_name | fallback: "The team"}}:{{agent.email}}.', { user, agent: { name: null, first_name: null } })).toBe('The team:.');
  });

  it('leaves agent placeholders as written when no agent is given (in-app messages)', () => {
    expect(personalize('From {{agent.name}}', { user })).toBe('From {{agent.name}}');
  });
});
