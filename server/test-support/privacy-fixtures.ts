/**
 * A contact with a row in every table the privacy registry knows, made the way
 * the product makes them (the widget's endpoints and socket, the admin API),
 * plus a few rows written straight to the store where no quick path exists
 * (a series enrollment, an automation run). Every personal string is a word
 * found nowhere else, so a scan of the database can look for it.
 */
import { randomBytes } from 'node:crypto';
import type { Attachment, InAppMessage } from '../../protocol/index.js';
import { computeUserHash } from '../domain/identity/index.js';
import { newId, nowIso } from '../domain/ids.js';
import type { AdminTestServer } from './admin-test-server.js';
import { bootVisitor, connectVisitor, IDENTITY_SECRET, widgetPost, type VisitorSocket } from './test-server.js';

export interface RichContact {
  contactId: string;
  externalId: string;
  conversationId: string;
  socket: VisitorSocket;
  campaignId: string;
  surveyId: string;
  tourId: string;
  /** Storage keys of the contact's uploads (sent and unsent). */
  storageKeys: string[];
  /** The person's own strings by where they went. */
  texts: Record<'name' | 'email' | 'visitor' | 'agent' | 'note' | 'survey' | 'rating' | 'trait' | 'file' | 'page', string>;
  /** Exact strings stored about the person (name, email, ids, texts, file bytes). */
  needles: string[];
  /** Single words of those texts: what a search index keeps (lower case). */
  words: string[];
}

const must = <T>(r: { ok: true; data: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
};

/** `tag` makes every string of this contact unique in the database (several per file). */
export async function richContact(t: AdminTestServer, tag: string): Promise<RichContact> {
  const base = t.server.url;
  const w = (word: string) => `${word}${tag}`;
  const name = `Quenby ${w('Vexworth')}`;
  const email = `quenby.${w('vexworth')}@example.test`.toLowerCase();
  const externalId = `user-${w('vexworth')}`;
  const texts = {
    visitor: `My parcel to ${w('Zanzibarquay')} never arrived`,
    agent: `Sorry Quenby, refunding order ${w('Xylophonic')}`,
    note: `Called about the ${w('Glimmerquatch')} refund`,
    survey: `Courier ${w('Blorptastic')} was rude`,
    rating: `${w('Flimflammery')} everywhere`,
    trait: w('Platinumzork'),
    file: `receipt ${w('Snorkelwump')} paid`,
    page: `/orders/${w('Quibbleton')}`,
  };

  const boot = await bootVisitor(base, {
    user: { id: externalId, name, email, userHash: computeUserHash(IDENTITY_SECRET, externalId), traits: { plan: texts.trait } },
  });
  const token = boot.token;
  const events = await widgetPost(base, 'events', {
    token,
    events: [
      { id: `ev-${randomBytes(6).toString('hex')}`, type: 'track', name: 'parcel_lost', props: { order: texts.agent } },
      { id: `ev-${randomBytes(6).toString('hex')}`, type: 'page', name: 'Orders', url: `${base}${texts.page}?email=${encodeURIComponent(email)}` },
    ],
  });
  if (events.status !== 200) throw new Error(`events: ${JSON.stringify(events.body)}`);

  const socket = await connectVisitor(base, token);
  t.sockets.push(socket);
  const conversationId = must(await socket.emitWithAck('conversation:start', { clientId: `c-${randomBytes(6).toString('hex')}`, body: texts.visitor })).conversation.id;
  const upload = async (fileName: string): Promise<Attachment> => {
    const res = await fetch(`${base}/api/v1/widget/uploads?${new URLSearchParams({ name: fileName })}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/plain', Origin: base },
      body: texts.file,
    });
    if (res.status !== 201 && res.status !== 200) throw new Error(`upload: ${res.status} ${await res.text()}`);
    return (await res.json()) as Attachment;
  };
  const sent = await upload(`${w('vexworth')}-receipt.txt`);
  must(await socket.emitWithAck('message:send', { conversationId, clientId: `m-${randomBytes(6).toString('hex')}`, body: 'the receipt', attachmentIds: [sent.id] }));
  await upload(`${w('vexworth')}-draft.txt`); // never sent

  const ok = async (method: string, path: string, body?: unknown) => {
    const res = await t.api(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  await ok('POST', `/conversations/${conversationId}/messages`, { body: texts.agent, clientId: `a-${randomBytes(6).toString('hex')}` });
  await ok('POST', `/conversations/${conversationId}/notes`, { body: texts.note });
  await ok('PUT', `/conversations/${conversationId}/tags`, { tags: ['refund'] });
  await ok('PATCH', `/conversations/${conversationId}`, { status: 'closed' });
  must(await socket.emitWithAck('conversation:rate', { conversationId, rating: 2, comment: texts.rating }));

  await ok('PATCH', '/settings', { surveyRecontactDays: 0 });
  const campaign = (await ok('POST', '/messages', { name: `Hello ${tag}`, format: 'post', body: 'Hello!', trigger: { on: 'immediate' }, status: 'live' })) as InAppMessage;
  const shown = must(await socket.emitWithAck('content:claim', { messageId: campaign.id })).deliveryId;
  must(await socket.emitWithAck('content:outcome', { deliveryId: shown, outcome: 'clicked' }));
  const survey = (await ok('POST', '/surveys', {
    name: `Delivery survey ${tag}`,
    status: 'live',
    questions: [
      { id: 'nps', type: 'nps', text: 'Recommend us?' },
      { id: 'pick', type: 'single', text: 'What matters?', options: ['Speed', 'Price'] },
      { id: 'why', type: 'text', text: 'Why?' },
    ],
  })) as { id: string };
  const surveyDelivery = must(await socket.emitWithAck('content:claim', { messageId: survey.id })).deliveryId;
  must(await socket.emitWithAck('survey:answer', { deliveryId: surveyDelivery, answers: { nps: 3, pick: 'Speed', why: texts.survey }, completed: true }));
  const tour = (await ok('POST', '/tours', { name: `Tour ${tag}`, status: 'live', steps: [{ id: 'hi', kind: 'post', body: 'Welcome!' }] })) as { id: string };
  const tourDelivery = must(await socket.emitWithAck('content:claim', { messageId: tour.id })).deliveryId;
  must(await socket.emitWithAck('tour:progress', { deliveryId: tourDelivery, type: 'step_seen', step: 0 }));
  must(await socket.emitWithAck('tour:progress', { deliveryId: tourDelivery, type: 'ended', step: 0, reason: 'completed' }));

  // A help article read and voted on from the messenger.
  const article = (await ok('POST', '/articles', { title: `Returns ${tag}`, body: 'Send it back within 30 days.', status: 'live' })) as { id: string };
  must(await socket.emitWithAck('help:article', { id: article.id }));
  must(await socket.emitWithAck('help:vote', { id: article.id, helpful: false }));

  // No quick path through the product for these two: straight to the store.
  const db = t.server.domain.db;
  const ws = await t.server.domain.workspaces.byAppId('demo');
  const now = nowIso();
  const seriesId = newId('ser');
  await db.insertInto('series').values({ id: seriesId, workspace_id: ws.id, name: `Series ${tag}`, entry: '{"all":[]}', steps: '[]', status: 'draft', created_at: now, updated_at: now }).execute();
  const enrollmentId = newId('enr');
  await db
    .insertInto('series_enrollments')
    .values({ id: enrollmentId, workspace_id: ws.id, series_id: seriesId, contact_id: boot.contactId, step_index: 1, step_entered_at: now, status: 'active', entered_at: now, updated_at: now })
    .execute();
  await db.insertInto('series_step_visits').values({ enrollment_id: enrollmentId, series_id: seriesId, step_id: 'first', reached_at: now }).execute();
  const ruleId = newId('aur');
  await db
    .insertInto('automation_rules')
    .values({ id: ruleId, workspace_id: ws.id, name: `Rule ${tag}`, enabled: 0, position: 999, trigger: 'conversation_created', conditions: '{"all":[]}', actions: '[]', stop_processing: 0, created_at: now, updated_at: now })
    .execute();
  await db
    .insertInto('automation_runs')
    .values({ id: newId('arn'), workspace_id: ws.id, rule_id: ruleId, trigger: 'conversation_created', conversation_id: conversationId, contact_id: boot.contactId, outcome: 'succeeded', error: null, actions: '[]', created_at: now })
    .execute();
  // A bot run with the person's answer (docs/bots.md), as the bot store writes it.
  const botRun = await t.server.domain.bots.runs.start({ workspaceId: ws.id, conversationId, contactId: boot.contactId, botId: null, kind: 'flow', botName: `Bot ${tag}`, steps: [] });
  if (botRun) await db.updateTable('bot_runs').set({ answers: JSON.stringify({ email }), status: 'completed' }).where('id', '=', botRun.id).execute();

  const uploads = await db.selectFrom('attachments').select('storage_key').where('uploader_id', '=', boot.contactId).execute();
  const needles = [name, email, externalId, ...Object.values(texts)];
  const words = [w('Vexworth'), w('Zanzibarquay'), w('Xylophonic'), w('Glimmerquatch'), w('Blorptastic'), w('Flimflammery')].map((x) => x.toLowerCase());
  return { texts: { name, email, ...texts }, contactId: boot.contactId, externalId, conversationId, socket, campaignId: campaign.id, surveyId: survey.id, tourId: tour.id, storageKeys: uploads.map((u) => u.storage_key), needles, words };
}
