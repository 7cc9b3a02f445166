/** `GET /api/v1/reports/topics` against the real server: first messages of real conversations, clustered. */
import { describe, expect, it } from 'vitest';
import type { TopicsReport } from '../../../protocol/index.js';
import { useAdminTestServer } from '../../test-support/admin-test-server.js';
import { startConversation } from '../../test-support/inbox-fixtures.js';

const t = useAdminTestServer();

describe('reports/topics', () => {
  it('groups what visitors opened with, counts each topic and shows an example', async () => {
    const openers = [
      'How do I reset my password?',
      'password reset email never arrives',
      'I forgot my password, please reset it',
      'How can I cancel my subscription?',
      'cancel subscription',
      'Is there a dark mode?',
    ];
    for (const body of openers) {
      const started = await startConversation(t.server, body);
      // A later message is a reply, not what the visitor came for: it must not move the topic.
      await started.socket.emitWithAck('message:send', { conversationId: started.conversationId, clientId: `later-${started.conversationId}`, body: 'dark mode dark mode dark mode' });
      t.sockets.push(started.socket);
    }
    const res = await t.api<TopicsReport>('GET', '/reports/topics');
    expect(res.status).toBe(200);
    expect(res.body.messages).toBe(6);
    const [first, second] = res.body.data;
    expect(first).toMatchObject({ count: 3 });
    expect(first?.terms).toEqual(expect.arrayContaining(['password', 'reset']));
    expect(openers).toContain(first?.example);
    expect(first?.conversation_ids).toHaveLength(3);
    expect(second).toMatchObject({ count: 2 });
    expect(second?.terms).toEqual(expect.arrayContaining(['cancel', 'subscription']));
    // Asked once: below the default min_count of 2.
    expect(res.body.data.some((topic) => topic.terms.includes('dark'))).toBe(false);
    const all = await t.api<TopicsReport>('GET', '/reports/topics?min_count=1&limit=1');
    expect(all.body.data).toHaveLength(1);
  });

  it('refuses a bad range or limit with the error shape', async () => {
    const bad = await t.api<{ error: { code: string } }>('GET', '/reports/topics?limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const backwards = await t.api('GET', '/reports/topics?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z');
    expect(backwards.status).toBe(400);
  });
});
