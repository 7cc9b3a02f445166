/**
 * The run log (`GET /automation-rules/:id/runs`): one row each time a rule
 * matched an event, with what each of its actions did, so an admin can see
 * what fired and why something failed. Only the newest 50 runs of a rule are
 * kept: each new row prunes the ones past that.
 */
import type { Kysely } from 'kysely';
import { AUTOMATION_LIMITS, type AutomationActionResult, type AutomationRun, type AutomationRunOutcome, type AutomationTrigger } from '../../../protocol/index.js';
import type { AutomationRunRow, Database } from '../../store/index.js';
import { newId } from '../ids.js';
import { parseJsonColumn } from '../json.js';

export interface RunRecord {
  workspaceId: string;
  ruleId: string;
  trigger: AutomationTrigger;
  conversationId: string | null;
  contactId: string | null;
  actions: AutomationActionResult[];
}

let sequence = 0;

/**
 * Run ids sort by time on this node (time, then a counter, then randomness):
 * runs written in the same millisecond keep their order in the log.
 */
function runId(now: number): string {
  sequence = (sequence + 1) % 36 ** 4;
  return `arun_${now.toString(36).padStart(9, '0')}${sequence.toString(36).padStart(4, '0')}${newId('').slice(1, 9)}`;
}

export function outcomeOf(actions: readonly AutomationActionResult[]): AutomationRunOutcome {
  const failed = actions.filter((a) => !a.ok).length;
  return failed === 0 ? 'succeeded' : failed === actions.length ? 'failed' : 'partially_failed';
}

function toRun(row: AutomationRunRow): AutomationRun {
  return {
    id: row.id,
    rule_id: row.rule_id,
    trigger: row.trigger,
    conversation_id: row.conversation_id,
    contact_id: row.contact_id,
    outcome: row.outcome,
    error: row.error,
    actions: parseJsonColumn<AutomationActionResult[]>(row.actions, []),
    created_at: row.created_at,
  };
}

export class AutomationRunLog {
  constructor(private readonly db: Kysely<Database>) {}

  async record(run: RunRecord): Promise<AutomationRun> {
    const now = new Date();
    const row: AutomationRunRow = {
      id: runId(now.getTime()),
      workspace_id: run.workspaceId,
      rule_id: run.ruleId,
      trigger: run.trigger,
      conversation_id: run.conversationId,
      contact_id: run.contactId,
      outcome: outcomeOf(run.actions),
      error: run.actions.find((a) => a.error !== null)?.error ?? null,
      actions: JSON.stringify(run.actions),
      created_at: now.toISOString(),
    };
    await this.db.insertInto('automation_runs').values(row).execute();
    await this.prune(run.ruleId);
    return toRun(row);
  }

  /** The rule's runs, newest first (at most 50). */
  async list(ruleId: string): Promise<AutomationRun[]> {
    const rows = await this.newestFirst(ruleId).selectAll().limit(AUTOMATION_LIMITS.runsPerRule).execute();
    return rows.map(toRun);
  }

  private newestFirst(ruleId: string) {
    return this.db.selectFrom('automation_runs').where('rule_id', '=', ruleId).orderBy('created_at', 'desc').orderBy('id', 'desc');
  }

  private async prune(ruleId: string): Promise<void> {
    const oldestKept = await this.newestFirst(ruleId).select(['created_at', 'id']).limit(1).offset(AUTOMATION_LIMITS.runsPerRule - 1).executeTakeFirst();
    if (!oldestKept) return;
    await this.db
      .deleteFrom('automation_runs')
      .where('rule_id', '=', ruleId)
      .where((eb) => eb.or([eb('created_at', '<', oldestKept.created_at), eb.and([eb('created_at', '=', oldestKept.created_at), eb('id', '<', oldestKept.id)])]))
      .execute();
  }
}
