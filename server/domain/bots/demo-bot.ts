/**
 * The demo workspace's bot (seeded on a new database): a visitor who writes
 * from the demo's Billing page is asked their plan and how urgent it is.
 * Urgent gets the Incident tag and urgent priority; Enterprise gets high
 * priority; both go to the "Enterprise desk" team; everything else goes to
 * the usual routing. Parsed like a POST /api/v1/bots body, so the seed can't
 * drift from what the API accepts.
 */
import { createBotSchema, createTeamSchema } from '../../../protocol/index.js';
import type { TagStore } from '../tags/index.js';
import type { TeamStore } from '../teams/index.js';
import type { BotStore } from './bot-store.js';

export const DEMO_BOT_NAME = 'Ask plan and urgency';
export const DEMO_BOT_TEAM = 'Enterprise desk';

export async function seedDemoBot(deps: { bots: BotStore; teams: TeamStore; tags: TagStore }, workspaceId: string): Promise<void> {
  const team = await deps.teams.create(workspaceId, createTeamSchema.parse({ name: DEMO_BOT_TEAM }));
  const incident = (await deps.tags.list(workspaceId)).find((t) => t.name === 'Incident');
  const thanks = 'Thanks! A teammate will reply here shortly.';
  const urgency = (id: string, lowNext: string) => ({
    id,
    type: 'buttons',
    body: 'How urgent is it?',
    trait_key: 'urgency',
    options: [
      { id: 'low', label: 'Low: it can wait', next: lowNext },
      { id: 'urgent', label: 'Urgent: something is broken', next: 'urgent' },
    ],
  });
  const steps = [
    { id: 'intro', type: 'message', body: 'Hi! Two quick questions so we can get you to the right person.' },
    {
      id: 'plan',
      type: 'buttons',
      body: 'Which plan are you on?',
      trait_key: 'plan',
      options: [
        { id: 'free', label: 'Free', next: 'urgency' },
        { id: 'pro', label: 'Pro', next: 'urgency' },
        { id: 'enterprise', label: 'Enterprise', next: 'urgency-enterprise' },
      ],
    },
    urgency('urgency', 'thanks'),
    ...(incident ? [{ id: 'urgent', type: 'tag', tag_id: incident.id }] : []),
    { id: incident ? 'urgent-priority' : 'urgent', type: 'set_priority', priority: 'urgent' },
    { id: 'urgent-team', type: 'assign', team_id: team.id },
    { id: 'thanks', type: 'message', body: thanks },
    { id: 'handover', type: 'handover' },
    urgency('urgency-enterprise', 'enterprise'),
    { id: 'enterprise', type: 'set_priority', priority: 'high' },
    { id: 'enterprise-team', type: 'assign', team_id: team.id },
    { id: 'enterprise-thanks', type: 'message', body: thanks },
    { id: 'enterprise-handover', type: 'handover' },
  ];
  await deps.bots.create(
    workspaceId,
    createBotSchema.parse({ name: DEMO_BOT_NAME, trigger: { on: 'new_conversation', audience: { page: { op: 'matches', value: '/demo/billing*' } } }, steps }),
  );
}
