/**
 * The run log keeps the newest 50 runs of each rule (older ones are pruned as
 * new ones come), newest first, and says how a run went from its actions.
 */
import { describe, expect, it } from 'vitest';
import type { AutomationActionResult, AutomationRule } from '../../../protocol/index.js';
import { useAdminTestServer } from '../../test-support/admin-test-server.js';
import { outcomeOf } from './run-log.js';

const env = useAdminTestServer();

const ok = (type: AutomationActionResult['type']): AutomationActionResult => ({ type, ok: true, error: null });
const failed = (type: AutomationActionResult['type']): AutomationActionResult => ({ type, ok: false, error: 'gone' });

describe('the run log', () => {
  it('names the outcome from the actions', () => {
    expect(outcomeOf([ok('close'), ok('add_note')])).toBe('succeeded');
    expect(outcomeOf([failed('close'), ok('add_note')])).toBe('partially_failed');
    expect(outcomeOf([failed('close'), failed('add_note')])).toBe('failed');
  });

  it('keeps the newest 50 runs of a rule, and leaves other rules’ runs alone', async () => {
    const make = async (name: string) => (await env.api<AutomationRule>('POST', '/automation-rules', { name, trigger: 'tag_added', actions: [{ type: 'close' }] })).body;
    const [busy, quiet] = [await make('Busy'), await make('Quiet')];
    const ws = await env.server.domain.workspaces.byAppId('demo');
    const { runs } = env.server.domain.automation;
    await runs.record({ workspaceId: ws.id, ruleId: quiet.id, trigger: 'tag_added', conversationId: null, contactId: null, actions: [ok('close')] });
    for (let i = 0; i < 55; i += 1) {
      await runs.record({ workspaceId: ws.id, ruleId: busy.id, trigger: 'tag_added', conversationId: `conv_${i}`, contactId: null, actions: [i % 2 ? ok('close') : failed('close')] });
    }
    const kept = (await env.api<{ data: Array<{ conversation_id: string }> }>('GET', `/automation-rules/${busy.id}/runs`)).body.data;
    expect(kept).toHaveLength(50);
    expect(kept[0].conversation_id).toBe('conv_54');
    expect(new Set(kept.map((r) => r.conversation_id))).toEqual(new Set(Array.from({ length: 50 }, (_, i) => `conv_${i + 5}`)));
    expect(await env.server.domain.db.selectFrom('automation_runs').select('id').where('rule_id', '=', busy.id).execute()).toHaveLength(50);
    expect(await runs.list(quiet.id)).toHaveLength(1);
  });
});
