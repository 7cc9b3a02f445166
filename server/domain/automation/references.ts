/**
 * What a rule's actions name must exist in the rule's workspace: teams,
 * agents, tags, canned replies and webhook subscriptions. Checked when a rule
 * is saved, as a 400 naming the field (`actions.2.tag_id: no tag "…" in this
 * workspace`), so an admin learns of a typo at once rather than from the run
 * log. Something deleted later fails that action at run time, logged.
 */
import type { Kysely } from 'kysely';
import type { AutomationAction } from '../../../protocol/index.js';
import type { Database } from '../../store/index.js';
import { ParleyError } from '../errors.js';

type Table = 'teams' | 'agents' | 'tags' | 'canned_replies' | 'webhooks';

interface Reference {
  field: string;
  table: Table;
  what: string;
  id: string;
}

function referencesOf(action: AutomationAction): Reference[] {
  switch (action.type) {
    case 'assign':
      return [
        ...(action.team_id !== undefined ? [{ field: 'team_id', table: 'teams' as const, what: 'team', id: action.team_id }] : []),
        ...(action.agent_id !== undefined ? [{ field: 'agent_id', table: 'agents' as const, what: 'agent', id: action.agent_id }] : []),
      ];
    case 'add_tag':
    case 'remove_tag':
      return [{ field: 'tag_id', table: 'tags', what: 'tag', id: action.tag_id }];
    case 'send_canned_reply':
      return [{ field: 'canned_reply_id', table: 'canned_replies', what: 'canned reply', id: action.canned_reply_id }];
    case 'call_webhook':
      return [{ field: 'webhook_id', table: 'webhooks', what: 'webhook', id: action.webhook_id }];
    default:
      return [];
  }
}

/** Throws `validation_failed` for the first reference that is not one of the workspace's (pass `trx` inside a transaction). */
export async function assertReferences(db: Kysely<Database>, workspaceId: string, actions: readonly AutomationAction[]): Promise<void> {
  for (const [index, action] of actions.entries()) {
    for (const ref of referencesOf(action)) {
      const found = await db.selectFrom(ref.table).select('id').where('workspace_id', '=', workspaceId).where('id', '=', ref.id).executeTakeFirst();
      if (!found) throw new ParleyError('validation_failed', `actions.${index}.${ref.field}: no ${ref.what} "${ref.id}" in this workspace`);
    }
  }
}
