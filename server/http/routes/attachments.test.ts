/**
 * Attachments against the real server: uploads from the widget and the inbox,
 * messages carrying them over sockets and REST, and the signed download.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment, BootResult, ErrorResponse, IdentifyResult, Message, Page } from '../../../protocol/index.js';
import { computeUserHash } from '../../domain/index.js';
import {
  IDENTITY_SECRET,
  type AgentSocket,
  adminFetch,
  bootVisitor,
  connectAgent,
  connectVisitor,
  loginAgent,
  nextEvent,
  startTestServer,
  widgetPost,
  type TestServer,
  type VisitorSocket,
} from '../../test-support/test-server.js';

/** A 1×1 transparent PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const MAX = 4096;

let server: TestServer;
let session: { cookie: string; csrf: string; agentId: string };
let visitor: BootResult;
let visitorSocket: VisitorSocket;
let agentSocket: AgentSocket;

beforeAll(async () => {
  server = await startTestServer({ UPLOAD_MAX_BYTES: String(MAX) });
  session = await loginAgent(server.url);
  visitor = await bootVisitor(server.url);
  visitorSocket = await connectVisitor(server.url, visitor.token);
  agentSocket = await connectAgent(server.url, session.cookie);
});
afterAll(async () => {
  visitorSocket?.close();
  agentSocket?.close();
  await server.stop();
});

/** Uploads as the widget does: raw body, name in the query, the token in Authorization, the page's Origin. */
async function widgetUpload(token: string, name: string, body: Uint8Array, opts: { origin?: string; type?: string } = {}) {
  const res = await fetch(`${server.url}/api/v1/widget/uploads?${new URLSearchParams({ name })}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': opts.type ?? 'application/octet-stream', Origin: opts.origin ?? server.url },
    body: new Uint8Array(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Attachment & ErrorResponse };
}

async function agentUpload(name: string, body: Uint8Array, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/api/v1/uploads?${new URLSearchParams({ name })}`, {
    method: 'POST',
    headers: { Cookie: session.cookie, 'X-CSRF-Token': session.csrf, Origin: server.url, 'Content-Type': 'application/octet-stream', ...headers },
    body: new Uint8Array(body),
  });
  return { status: res.status, body: (await res.json()) as Attachment & ErrorResponse };
}

describe('visitor uploads', () => {
  let conversationId: string;
  let uploaded: Attachment;

  it('stores a PNG and answers with the attachment (CORS-readable)', async () => {
    const res = await widgetUpload(visitor.token, 'C:\\fakepath\\pixel.png', PNG);
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe(server.url);
    uploaded = res.body;
    expect(uploaded).toMatchObject({ name: 'pixel.png', size: PNG.length, contentType: 'image/png' });
    expect(uploaded.id).toMatch(/^att_/);
    expect(uploaded.url).toMatch(new RegExp(`^/api/v1/attachments/${uploaded.id}/[A-Za-z0-9_-]{32}$`));
  });

  it('sends it with a message (no text needed); the agent receives it live', async () => {
    const live = nextEvent<Message>(agentSocket, 'message:new', 5_000, (m) => m.clientId === 'attach-conv-0001');
    const r = await visitorSocket.emitWithAck('conversation:start', { clientId: 'attach-conv-0001', body: '', attachmentIds: [uploaded.id] });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    conversationId = r.data.conversation.id;
    expect(r.data.message.body).toBe('');
    expect(r.data.message.attachments).toEqual([uploaded]);
    expect((await live).attachments).toEqual([uploaded]);
    // The list preview carries it too.
    expect(r.data.conversation.lastMessage?.attachments).toEqual([uploaded]);
  });

  it('is idempotent: a resend returns the stored message with its attachments', async () => {
    const again = await visitorSocket.emitWithAck('conversation:start', { clientId: 'attach-conv-0001', body: '', attachmentIds: [uploaded.id] });
    if (!again.ok) throw new Error(JSON.stringify(again.error));
    expect(again.data.conversation.id).toBe(conversationId);
    expect(again.data.message.attachments).toEqual([uploaded]);
  });

  it('maps attachments wherever messages are read: socket sync and REST list', async () => {
    const second = await widgetUpload(visitor.token, 'notes.txt', Buffer.from('order 42\n'));
    const text = await visitorSocket.emitWithAck('message:send', { conversationId, clientId: 'attach-msg-0002', body: 'And the notes', attachmentIds: [second.body.id] });
    if (!text.ok) throw new Error(JSON.stringify(text.error));
    await visitorSocket.emitWithAck('message:send', { conversationId, clientId: 'attach-msg-0003', body: 'no files here' });

    const sync = await visitorSocket.emitWithAck('messages:sync', { conversationId, afterSeq: 0 });
    if (!sync.ok) throw new Error('sync failed');
    expect(sync.data.messages.map((m) => m.attachments.map((a) => a.name))).toEqual([['pixel.png'], ['notes.txt'], []]);

    const rest = await adminFetch<Page<Message>>(server.url, session, 'GET', `/conversations/${conversationId}/messages`);
    expect(rest.body.data.map((m) => m.attachments.map((a) => a.id))).toEqual([[uploaded.id], [second.body.id], []]);
  });

  it('still needs text or an attachment', async () => {
    const r = await visitorSocket.emitWithAck('message:send', { conversationId, clientId: 'attach-msg-0004', body: '  ' });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation_failed', message: 'body: must not be empty' } });
    const many = await visitorSocket.emitWithAck('message:send', {
      conversationId,
      clientId: 'attach-msg-0005',
      body: 'x',
      attachmentIds: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'],
    });
    expect(many).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });

  it("cannot attach another visitor's upload, an agent's, or one already sent (404)", async () => {
    const other = await bootVisitor(server.url);
    const otherSocket = await connectVisitor(server.url, other.token);
    try {
      const mine = await widgetUpload(visitor.token, 'mine.png', PNG);
      const stolen = await otherSocket.emitWithAck('conversation:start', { clientId: 'attach-steal-0001', body: 'hi', attachmentIds: [mine.body.id] });
      expect(stolen).toMatchObject({ ok: false, error: { code: 'not_found' } });
      // Nothing was stored: no conversation for the other visitor.
      const list = await otherSocket.emitWithAck('conversations:list', {});
      expect(list.ok && list.data.conversations).toEqual([]);

      const reused = await otherSocket.emitWithAck('conversation:start', { clientId: 'attach-steal-0002', body: 'hi', attachmentIds: [uploaded.id] });
      expect(reused).toMatchObject({ ok: false, error: { code: 'not_found' } });

      const agents = await agentUpload('agent.png', PNG);
      const fromAgent = await visitorSocket.emitWithAck('message:send', { conversationId, clientId: 'attach-steal-0003', body: 'x', attachmentIds: [agents.body.id] });
      expect(fromAgent).toMatchObject({ ok: false, error: { code: 'not_found' } });

      // The rightful owner can still send theirs.
      const ok = await visitorSocket.emitWithAck('message:send', { conversationId, clientId: 'attach-own-0001', body: '', attachmentIds: [mine.body.id] });
      expect(ok.ok).toBe(true);
    } finally {
      otherSocket.close();
    }
  });

  it('keeps an unsent upload when the visitor signs in on a second device (contacts merge)', async () => {
    const hash = (id: string) => computeUserHash(IDENTITY_SECRET, id);
    const first = await bootVisitor(server.url);
    await widgetPost(server.url, 'identify', { token: first.token, userId: 'grace', userHash: hash('grace') });
    const second = await bootVisitor(server.url);
    const up = await widgetUpload(second.token, 'pixel.png', PNG);
    const known = await widgetPost<IdentifyResult>(server.url, 'identify', { token: second.token, userId: 'grace', userHash: hash('grace') });
    expect(known.body.contactId).not.toBe(second.contactId);
    const socket = await connectVisitor(server.url, known.body.token);
    try {
      const r = await socket.emitWithAck('conversation:start', { clientId: 'attach-merge-0001', body: '', attachmentIds: [up.body.id] });
      expect(r.ok && r.data.message.attachments.map((a) => a.id)).toEqual([up.body.id]);
    } finally {
      socket.close();
    }
  });

  it('refuses an HTML file disguised as .png with 415', async () => {
    const res = await widgetUpload(visitor.token, 'cat.png', Buffer.from('<!doctype html><script>alert(document.domain)</script>'), { type: 'image/png' });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
    expect(res.headers.get('access-control-allow-origin')).toBe(server.url);
  });

  it('refuses a file over UPLOAD_MAX_BYTES with 413 the widget can read', async () => {
    const res = await widgetUpload(visitor.token, 'big.txt', Buffer.alloc(MAX + 1, 'a'));
    expect(res.status).toBe(413);
    expect(res.body.error).toEqual({ code: 'payload_too_large', message: 'files can be at most 4 KB' });
    expect(res.headers.get('access-control-allow-origin')).toBe(server.url);
    const exact = await widgetUpload(visitor.token, 'fits.txt', Buffer.alloc(MAX, 'a'));
    expect(exact.status).toBe(201);
  });

  it('refuses empty files, bad tokens and origins off the allowlist', async () => {
    expect((await widgetUpload(visitor.token, 'empty.txt', Buffer.alloc(0))).status).toBe(400);
    const badToken = await widgetUpload('not-a-token', 'pixel.png', PNG);
    expect(badToken.status).toBe(401);
    const evil = await widgetUpload(visitor.token, 'pixel.png', PNG, { origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(evil.body.error.code).toBe('origin_not_allowed');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers the CORS preflight (the token travels in Authorization, never in the URL)', async () => {
    const res = await fetch(`${server.url}/api/v1/widget/uploads?name=y`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(res.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type');
    expect(res.headers.get('access-control-max-age')).toBe('600');
    const inQuery = await fetch(`${server.url}/api/v1/widget/uploads?${new URLSearchParams({ token: visitor.token, name: 'p.png' })}`, {
      method: 'POST',
      headers: { Origin: server.url },
      body: new Uint8Array(PNG),
    });
    expect(inQuery.status).toBe(401);
  });
});

describe('downloads', () => {
  let image: Attachment;
  let text: Attachment;

  beforeAll(async () => {
    image = (await widgetUpload(visitor.token, 'pixel.png', PNG)).body;
    text = (await widgetUpload(visitor.token, 'résumé <final>.html', Buffer.from('Not really HTML: <b>hi</b>\n'))).body;
  });

  it('serves an image inline, inert and embeddable from other origins', async () => {
    const res = await fetch(server.url + image.url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-length')).toBe(String(PNG.length));
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe("inline; filename*=UTF-8''pixel.png");
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(res.headers.get('cache-control')).toBe('private, max-age=86400');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('serves other files as a download under a safe name', async () => {
    expect(text.name).toBe('résumé <final>.html.txt');
    expect(text.contentType).toBe('text/plain; charset=utf-8');
    const res = await fetch(server.url + text.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''r%C3%A9sum%C3%A9%20%3Cfinal%3E.html.txt");
    expect(await res.text()).toBe('Not really HTML: <b>hi</b>\n');
  });

  it('answers a conditional request with 304', async () => {
    const first = await fetch(server.url + image.url);
    const etag = first.headers.get('etag') ?? '';
    await first.arrayBuffer();
    const again = await fetch(server.url + image.url, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('answers 404 when the file is gone from the storage', async () => {
    const gone = (await widgetUpload(visitor.token, 'gone.png', PNG)).body;
    const row = await server.domain.db.selectFrom('attachments').select('storage_key').where('id', '=', gone.id).executeTakeFirstOrThrow();
    expect(existsSync(join(server.dir, 'uploads', row.storage_key))).toBe(true);
    rmSync(join(server.dir, 'uploads', row.storage_key));
    expect((await fetch(server.url + gone.url)).status).toBe(404);
  });

  it('answers 404 for a bad or borrowed signature, exactly like a missing file', async () => {
    const [, , , , id, sig] = image.url.split('/');
    const wrong = await fetch(`${server.url}/api/v1/attachments/${id}/${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`);
    expect(wrong.status).toBe(404);
    const textSig = text.url.split('/')[5];
    const borrowed = await fetch(`${server.url}/api/v1/attachments/${id}/${textSig}`);
    expect(borrowed.status).toBe(404);
    const missing = await fetch(`${server.url}/api/v1/attachments/att_nope/${sig}`);
    expect(missing.status).toBe(404);
    expect(await wrong.json()).toEqual(await missing.json());
  });
});

describe('agent uploads', () => {
  it('uploads with the session (CSRF required) and replies with the file; the visitor receives it', async () => {
    const noCsrf = await agentUpload('x.png', PNG, { 'X-CSRF-Token': 'wrong' });
    expect(noCsrf.status).toBe(403);
    const anonymous = await fetch(`${server.url}/api/v1/uploads?name=x.png`, { method: 'POST', body: new Uint8Array(PNG) });
    expect(anonymous.status).toBe(401);

    const up = await agentUpload('guide.pdf', Buffer.from('%PDF-1.4\n%fake but magic enough\n'));
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ name: 'guide.pdf', contentType: 'application/pdf' });

    const list = await visitorSocket.emitWithAck('conversations:list', {});
    const conversationId = list.ok ? list.data.conversations[0].id : '';
    const live = nextEvent<Message>(visitorSocket, 'message:new', 5_000, (m) => m.authorType === 'agent');
    const reply = await adminFetch<Message>(server.url, session, 'POST', `/conversations/${conversationId}/messages`, {
      body: 'Here is the guide',
      attachmentIds: [up.body.id],
    });
    expect(reply.status).toBe(201);
    expect(reply.body.attachments).toEqual([up.body]);
    expect((await live).attachments).toEqual([up.body]);

    const pdf = await fetch(server.url + up.body.url);
    expect(pdf.headers.get('content-disposition')).toBe("inline; filename*=UTF-8''guide.pdf");
  });

  it('sends over the agent socket too', async () => {
    const up = await agentUpload('pixel.png', PNG);
    const list = await visitorSocket.emitWithAck('conversations:list', {});
    const conversationId = list.ok ? list.data.conversations[0].id : '';
    const r = await agentSocket.emitWithAck('message:send', { conversationId, clientId: 'agent-attach-0001', body: '', attachmentIds: [up.body.id] });
    expect(r.ok && r.data.message.attachments).toEqual([up.body]);
  });
});
