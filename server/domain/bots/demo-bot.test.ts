/**
 * The demo's seeded bot, as the demo page plays it: a visitor on the Billing
 * page is asked plan and urgency; Enterprise or Urgent is tagged, prioritised
 * and handed to the Enterprise desk. A visitor on another page never meets it.
 */
import { describe, expect, it } from 'vitest';
import type { Page, Team } from '../../../protocol/index.js';
import { useAdminTestServer } from '../../test-support/admin-test-server.js';
import { botHelpers, botLines } from './bots.test-helper.js';

const env = useAdminTestServer();
const h = botHelpers(env);
const BILLING = 'http://127.0.0.1/demo/billing';

describe('the demo bot "Ask plan and urgency"', () => {
  it('routes an urgent Pro customer from the Billing page to the Enterprise desk, tagged Incident, urgent', async () => {
    const v = await h.start('My card was charged twice', undefined, BILLING);
    await h.click(v, 'Pro');
    await h.click(v, 'Urgent: something is broken');
    await h.until(v, (r) => botLines(r).includes('Thanks! A teammate will reply here shortly.'));
    const desk = (await h.ok<Page<Team>>('GET', '/teams')).data.find((t) => t.name === 'Enterprise desk');
    expect(await h.conversation(v.conversationId)).toMatchObject({ teamId: desk?.id, priority: 'urgent', tags: ['Incident'] });
    expect((await h.contact(v.contactId)).traits).toMatchObject({ plan: 'Pro', urgency: 'Urgent: something is broken' });
  });

  it('gives Enterprise high priority and the desk; Free and not urgent goes to the usual routing untouched', async () => {
    const enterprise = await h.start('Question about invoices', undefined, BILLING);
    await h.click(enterprise, 'Enterprise');
    await h.click(enterprise, 'Low: it can wait');
    expect(await h.conversation(enterprise.conversationId)).toMatchObject({ priority: 'high', tags: [], teamId: expect.any(String) });

    const free = await h.start('Question about invoices', undefined, BILLING);
    await h.click(free, 'Free');
    await h.click(free, 'Low: it can wait');
    expect(await h.conversation(free.conversationId)).toMatchObject({ priority: 'normal', tags: [], teamId: null });
    expect((await h.run(free.conversationId)).body.status).toBe('handed_over');
  });

  it('stays away from other pages', async () => {
    const v = await h.start('Hello', undefined, 'http://127.0.0.1/demo/reports');
    expect(botLines(await h.messages(v.conversationId))).toEqual([]);
  });
});
