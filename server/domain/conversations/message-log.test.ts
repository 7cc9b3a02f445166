/** Concurrent appends: each succeeds or fails on its own, seqs stay gap-free and in order. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootVisitor, startTestServer, type TestServer } from '../../test-support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe('MessageLog.append under concurrency', () => {
  it('keeps seqs gap-free and in order, stores resends once, and lets a refused append fail alone', async () => {
    const { domain } = server;
    const { contactId } = await bootVisitor(server.url);
    const ws = await domain.workspaces.byAppId('demo');
    const contact = await domain.contacts.get(ws.id, contactId);
    const { conversation } = await domain.conversations.start(contact, { clientId: 'group-start-0001', body: 'first' });
    const author = { type: 'visitor' as const, id: contact.id, name: null };

    const attempts = Array.from({ length: 40 }, (_, i) =>
      domain.messages.append({
        workspaceId: ws.id,
        // Every tenth append names a conversation that doesn't exist, or an upload that isn't ours.
        conversationId: i % 10 === 3 ? 'conv_missing' : conversation.id,
        clientId: `group-${String(i % 30).padStart(4, '0')}`, // ten resends of earlier client ids
        body: `m${i % 30}`,
        author,
        attachmentIds: i % 10 === 7 ? ['att_not_mine'] : undefined,
      }),
    );
    const settled = await Promise.allSettled(attempts);
    const refused = settled.filter((r) => r.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'not_found' });

    const stored = await domain.messages.since(conversation.id, 0, 500);
    expect(stored.map((m) => m.seq)).toEqual(stored.map((_, i) => i + 1));
    expect(new Set(stored.map((m) => m.clientId)).size).toBe(stored.length);
    // Whatever a caller was told was stored is stored, with the seq it was told.
    for (const r of settled) {
      if (r.status === 'fulfilled') expect(stored.find((m) => m.id === r.value.message.id)?.seq).toBe(r.value.message.seq);
    }
    const row = await domain.conversations.getInWorkspace(ws.id, conversation.id);
    expect(Number(row.last_seq)).toBe(stored.length);
  });
});
