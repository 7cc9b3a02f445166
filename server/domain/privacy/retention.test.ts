/**
 * Retention windows with a fake clock (SQLite, and Postgres in the `postgres`
 * project): the job deletes events and uploads past their window and redacts
 * conversations (messages, notes and files gone, the shell kept for the
 * reports), leaves younger data alone, and — under the job lease — runs on
 * one node of two at a time.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Attachment, AuditEntry, Page, WorkspaceSettings } from '../../../protocol/index.js';
import { jobLease } from '../../scale/index.js';
import { useAdminTestServer } from '../../test-support/admin-test-server.js';
import { bootVisitor, connectVisitor, widgetPost } from '../../test-support/test-server.js';
import { RETENTION_LEASE_MS, startRetentionClock } from './retention-clock.js';

const t = useAdminTestServer();
const DAY = 86_400_000;
const start = new Date();
const at = (days: number) => new Date(start.getTime() + days * DAY);

let conversationId: string;
let storageKey: string;

beforeAll(async () => {
  const boot = await bootVisitor(t.server.url);
  const event = (name: string, daysAgo: number) => ({ id: `ev-${randomBytes(6).toString('hex')}`, type: 'track', name, ts: at(-daysAgo).toISOString() });
  await widgetPost(t.server.url, 'events', { token: boot.token, events: [event('old_event', 40), event('recent_event', 10)] });
  const socket = await connectVisitor(t.server.url, boot.token);
  t.sockets.push(socket);
  const upload = await fetch(`${t.server.url}/api/v1/widget/uploads?name=old.txt`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${boot.token}`, 'Content-Type': 'text/plain', Origin: t.server.url },
    body: 'old file',
  });
  const attachment = (await upload.json()) as Attachment;
  const started = await socket.emitWithAck('conversation:start', { clientId: `c-${randomBytes(6).toString('hex')}`, body: 'an old question', attachmentIds: [attachment.id] });
  if (!started.ok) throw new Error(started.error.message);
  conversationId = started.data.conversation.id;
  await t.api('POST', `/conversations/${conversationId}/notes`, { body: 'an old note' });
  await t.api('PATCH', `/conversations/${conversationId}`, { status: 'closed' });
  const row = await t.server.domain.db.selectFrom('attachments').select('storage_key').where('id', '=', attachment.id).executeTakeFirstOrThrow();
  storageKey = row.storage_key;
  const res = await t.api<WorkspaceSettings>('PATCH', '/settings', { privacy: { retention: { events: 30, closedConversations: 30, uploads: 60, conversations: null } } });
  expect(res.body.privacy.retention).toEqual({ events: 30, closedConversations: 30, uploads: 60, conversations: null });
});

const names = async () => (await t.server.domain.db.selectFrom('events').select('name').execute()).map((e) => e.name).sort();
const messages = async () => (await t.server.domain.db.selectFrom('messages').select('id').where('conversation_id', '=', conversationId).execute()).length;

describe('retention job', () => {
  it('deletes what is past each window, redacts old closed conversations, and keeps the rest', async () => {
    const job = t.server.domain.privacy.retention;
    // Today: only the 40-day-old event is past 30 days.
    expect(await job.run(at(0))).toEqual({ events: 1, conversations: 0, closedConversations: 0, uploads: 0 });
    expect(await names()).not.toContain('old_event');
    expect(await names()).toContain('recent_event');
    expect(await messages()).toBe(1);

    // 31 days on: the other event is 41 days old, the closed conversation is redacted (the shell stays), the upload (60 days) not yet.
    expect(await job.run(at(31))).toEqual({ events: 1, conversations: 0, closedConversations: 1, uploads: 0 });
    expect(await messages()).toBe(0);
    expect(await t.server.domain.db.selectFrom('conversation_notes').select('id').where('conversation_id', '=', conversationId).execute()).toEqual([]);
    const shell = await t.server.domain.db.selectFrom('conversations').selectAll().where('id', '=', conversationId).executeTakeFirstOrThrow();
    expect(shell).toMatchObject({ status: 'closed', redacted_at: at(31).toISOString() });
    expect(existsSync(join(t.server.dir, 'uploads', storageKey))).toBe(false); // its file went with the conversation

    // Again the same day: nothing left to do (each step is idempotent).
    expect(await job.run(at(31))).toEqual({ events: 0, conversations: 0, closedConversations: 0, uploads: 0 });
    const log = await t.api<Page<AuditEntry>>('GET', '/audit-log?action=retention.applied');
    expect(log.body.data.map((e) => e.details)).toEqual([
      { events: 1, conversations: 0, closedConversations: 1, uploads: 0 },
      { events: 1, conversations: 0, closedConversations: 0, uploads: 0 },
    ]);
    expect(log.body.data[0].actor).toEqual({ type: 'system', id: null, name: 'retention' });
  });

  it('deletes uploads past their window with their files', async () => {
    const boot = await bootVisitor(t.server.url);
    const res = await fetch(`${t.server.url}/api/v1/widget/uploads?name=draft.txt`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${boot.token}`, 'Content-Type': 'text/plain', Origin: t.server.url },
      body: 'never sent',
    });
    const { id } = (await res.json()) as Attachment;
    const { storage_key } = await t.server.domain.db.selectFrom('attachments').select('storage_key').where('id', '=', id).executeTakeFirstOrThrow();
    expect(await t.server.domain.privacy.retention.run(at(59))).toMatchObject({ uploads: 0 });
    expect(await t.server.domain.privacy.retention.run(at(61))).toMatchObject({ uploads: 1 });
    expect(await t.server.domain.db.selectFrom('attachments').select('id').where('id', '=', id).execute()).toEqual([]);
    expect(existsSync(join(t.server.dir, 'uploads', storage_key))).toBe(false);
  });

  it('runs on one node at a time under the job lease, and another takes over once the holder is gone', async () => {
    let now = at(100);
    const clock = () => now;
    const nodeA = jobLease(t.server.domain.db, 'node-a', clock);
    const nodeB = jobLease(t.server.domain.db, 'node-b', clock);
    const ran: string[] = [];
    const run = (node: string) => () => t.server.domain.privacy.retention.run(now).then(() => ran.push(node));
    await Promise.all([nodeA('retention-test', RETENTION_LEASE_MS, run('a')), nodeB('retention-test', RETENTION_LEASE_MS, run('b'))]);
    expect(ran).toHaveLength(1);
    const holder = ran[0];
    // The holder renews at its next tick; the other stands by.
    await Promise.all([nodeA('retention-test', RETENTION_LEASE_MS, run('a')), nodeB('retention-test', RETENTION_LEASE_MS, run('b'))]);
    expect(ran).toEqual([holder, holder]);
    // The holder dies (no more ticks); past the lease the other node runs it.
    now = new Date(now.getTime() + RETENTION_LEASE_MS + 1);
    const survivor = holder === 'a' ? nodeB : nodeA;
    await survivor('retention-test', RETENTION_LEASE_MS, run(holder === 'a' ? 'b' : 'a'));
    expect(ran[2]).not.toBe(holder);
  });

  it('ticks with the clock it is given', async () => {
    const seen: Date[] = [];
    const fake = at(365);
    const stop = startRetentionClock({ run: async (now) => void seen.push(now), onError: () => {}, intervalMs: 5, now: () => fake });
    await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0));
    stop();
    expect(seen[0]).toBe(fake);
  });
});
