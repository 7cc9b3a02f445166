/**
 * The widget's help requests over /visitor against the real server: search
 * and answer suggestions (live articles of the visitor's own workspace, in
 * its locale), suggestions for a page, opening an article (view recorded),
 * "did this help?" (one vote per contact, changeable), and hostile input.
 */
import { describe, expect, it } from 'vitest';
import type { Ack, HelpArticle, HelpArticleStats } from '../../protocol/index.js';
import { useAdminTestServer } from '../test-support/admin-test-server.js';
import { otherWorkspace } from '../test-support/inbox-fixtures.js';
import { bootVisitor, connectVisitor, type VisitorSocket } from '../test-support/test-server.js';

const t = useAdminTestServer();

async function visitor(): Promise<VisitorSocket> {
  const boot = await bootVisitor(t.server.url);
  const socket = await connectVisitor(t.server.url, boot.token);
  t.sockets.push(socket);
  return socket;
}

function ok<T>(r: Ack<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
}

const article = async (body: Record<string, unknown>) => (await t.api<HelpArticle>('POST', '/articles', { status: 'live', ...body })).body;
const stats = async (id: string) => (await t.api<HelpArticleStats>('GET', `/articles/${id}/stats`)).body;

describe('help:search', () => {
  it('ranks live articles of the workspace, in the visitor’s locale, and never drafts', async () => {
    const live = await article({ title: 'Feeding your axolotl', summary: 'What and how often.', body: 'Axolotls eat worms.' });
    await article({ title: 'Axolotl tank temperature (draft)', body: 'Keep it cool.', status: 'draft' });
    await article({ title: 'Memberi makan axolotl', body: 'Axolotl makan cacing.', locale: 'id', translation_of: live.id });
    const socket = await visitor();

    const en = ok(await socket.emitWithAck('help:search', { q: 'axolotl', locale: 'en-GB' }));
    expect(en.articles).toEqual([{ id: live.id, title: 'Feeding your axolotl', summary: 'What and how often.', url: '/help/demo/en/articles/feeding-your-axolotl' }]);
    const id = ok(await socket.emitWithAck('help:search', { q: 'makan axolotl', locale: 'id-ID' }));
    expect(id.articles.map((a) => a.title)).toEqual(['Memberi makan axolotl']);
    // The demo has Arabic articles (seeded): an Arabic visitor searches those.
    expect(ok(await socket.emitWithAck('help:search', { q: 'axolotl', locale: 'ar' })).articles).toEqual([]);
  });

  it('suggests answers for a whole question, best first, at most `limit`', async () => {
    const card = await article({ title: 'Change the credit card you pay with', body: 'Billing, then Payment method.' });
    await article({ title: 'Credit notes', body: 'We issue a credit note for every refund.' });
    const socket = await visitor();
    const r = ok(await socket.emitWithAck('help:search', { q: 'how do I change my credit card', locale: 'en', limit: 3 }));
    expect(r.articles[0].id).toBe(card.id);
    expect(r.articles.length).toBeLessThanOrEqual(3);
    // Stop words alone search for nothing.
    expect(ok(await socket.emitWithAck('help:search', { q: 'how do I', locale: 'en' })).articles).toEqual([]);
    expect(await t.server.domain.help.suggestForText((await t.server.domain.workspaces.byAppId('demo')).id, 'change my credit card', 'en', 1)).toEqual([
      expect.objectContaining({ id: card.id }),
    ]);
  });

  it('never shows another workspace’s articles', async () => {
    const other = await otherWorkspace(t.server);
    await t.server.domain.help.articles.create(other.workspaceId, { title: 'Platypus care', body: 'Platypus platypus platypus.', status: 'live' });
    const socket = await visitor();
    expect(ok(await socket.emitWithAck('help:search', { q: 'platypus', locale: 'en' })).articles).toEqual([]);
    const theirs = (await t.server.domain.help.articles.list(other.workspaceId))[0];
    // A locale the workspace wrote nothing in reads its English articles.
    expect((await t.server.domain.help.visitors.find(other.workspaceId, 'platypus', 'ar-EG')).map((a) => a.id)).toEqual([theirs.id]);
    const open = await socket.emitWithAck('help:article', { id: theirs.id });
    expect(open).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await socket.emitWithAck('help:vote', { id: theirs.id, helpful: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('treats hostile text as plain words and refuses what is too big', async () => {
    await article({ title: 'Quokka facts', body: 'Quokkas smile.' });
    const socket = await visitor();
    for (const q of ['" OR *', 'quokka" OR "x', 'NEAR(quokka', 'title:quokka', "'; DROP TABLE help_articles; --", 'quokka\u0000', '(((', '*', '💥 quokka ^ -x']) {
      const r = await socket.emitWithAck('help:search', { q, locale: 'en' });
      expect(r.ok, q).toBe(true);
    }
    expect(ok(await socket.emitWithAck('help:search', { q: 'title:quokka NEAR(', locale: 'en' })).articles.map((a) => a.title)).toEqual(['Quokka facts']);
    expect(await socket.emitWithAck('help:search', { q: 'x'.repeat(1_001), locale: 'en' })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(await socket.emitWithAck('help:search', { q: 'x', limit: 500 } as never)).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(await socket.emitWithAck('help:article', { id: 'x'.repeat(65) })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });
});

describe('help:suggest', () => {
  it('offers the articles meant for the page (page-rule globs), else the most read', async () => {
    const invoices = await article({ title: 'Reading your invoice', body: 'Each line is a charge.', pages: ['/account/invoices/**'] });
    const socket = await visitor();
    const onPage = ok(await socket.emitWithAck('help:suggest', { pageUrl: 'https://app.example.com/account/invoices/2024?tab=1', locale: 'en' }));
    expect(onPage).toEqual({ reason: 'page', articles: [expect.objectContaining({ id: invoices.id })] });
    const elsewhere = ok(await socket.emitWithAck('help:suggest', { pageUrl: 'https://app.example.com/nowhere', locale: 'en' }));
    expect(elsewhere.reason).toBe('popular');
    expect(elsewhere.articles.length).toBeGreaterThan(0);
    expect(ok(await socket.emitWithAck('help:suggest', { pageUrl: 'not a url', locale: 'en' })).reason).toBe('popular');
  });
});

describe('help:article and help:vote', () => {
  it('opens a live article with its markdown, records each view, and keeps one changeable vote per contact', async () => {
    const a = await article({ title: 'Wombat burrows', body: 'Wombats dig **deep**.' });
    const first = await visitor();
    const opened = ok(await first.emitWithAck('help:article', { id: a.id, source: 'search' }));
    expect(opened.article).toMatchObject({ id: a.id, body: 'Wombats dig **deep**.', locale: 'en', vote: null, summary: 'Wombats dig deep.' });
    expect(ok(await first.emitWithAck('help:vote', { id: a.id, helpful: false }))).toEqual({ helpful: false });
    expect(ok(await first.emitWithAck('help:vote', { id: a.id, helpful: true }))).toEqual({ helpful: true });
    expect(ok(await first.emitWithAck('help:article', { id: a.id })).article.vote).toBe(true);

    const second = await visitor();
    ok(await second.emitWithAck('help:article', { id: a.id, source: 'suggestion' }));
    ok(await second.emitWithAck('help:vote', { id: a.id, helpful: false }));
    expect(await stats(a.id)).toEqual({ views: 3, viewers: 2, helpful: 1, not_helpful: 1, helpful_rate: 50 });
  });

  it('answers not_found for a draft, exactly like a missing article', async () => {
    const draft = await article({ title: 'Draft about emus', body: 'Not yet.', status: 'draft' });
    const socket = await visitor();
    for (const id of [draft.id, 'art_missing']) {
      expect(await socket.emitWithAck('help:article', { id })).toEqual({ ok: false, error: { code: 'not_found', message: 'article not found' } });
      expect(await socket.emitWithAck('help:vote', { id, helpful: true })).toEqual({ ok: false, error: { code: 'not_found', message: 'article not found' } });
    }
    expect(await stats(draft.id)).toMatchObject({ views: 0, helpful: 0 });
  });
});
