/**
 * The help center's admin REST through the real server: articles (CRUD,
 * slugs, translations, filters and search, stats) and collections, errors
 * with their codes, and isolation between workspaces.
 */
import { describe, expect, it } from 'vitest';
import type { ErrorResponse, HelpArticle, HelpArticleStats, HelpCollection, Page } from '../../../protocol/index.js';
import { otherWorkspace } from '../../test-support/inbox-fixtures.js';
import { useAdminTestServer } from '../../test-support/admin-test-server.js';
import { adminFetch } from '../../test-support/test-server.js';

const t = useAdminTestServer();
type Answer<T> = T & ErrorResponse;
const createArticle = (body: Record<string, unknown>) => t.api<Answer<HelpArticle>>('POST', '/articles', body);
const list = (query = '') => t.api<Page<HelpArticle>>('GET', `/articles${query}`);

describe('articles', () => {
  it('creates an article with a slug from its title, reads, updates and deletes it', async () => {
    const created = await createArticle({ title: 'Where is my Parcel? (Tracking)', body: 'Open **Orders** and pick the parcel.' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^art_/),
      slug: 'where-is-my-parcel-tracking',
      locale: 'en',
      status: 'draft',
      summary: '',
      pages: [],
      collection_id: null,
      author_id: t.session.agentId,
      published_at: null,
    });
    const id = created.body.id;
    expect((await t.api<HelpArticle>('GET', `/articles/${id}`)).body.title).toBe('Where is my Parcel? (Tracking)');

    const live = await t.api<HelpArticle>('PATCH', `/articles/${id}`, { status: 'live', summary: 'Follow a parcel.', pages: ['/orders/*'] });
    expect(live.body).toMatchObject({ status: 'live', summary: 'Follow a parcel.', pages: ['/orders/*'], slug: 'where-is-my-parcel-tracking' });
    expect(live.body.published_at).toEqual(expect.any(String));

    expect((await t.api('DELETE', `/articles/${id}`)).status).toBe(204);
    expect((await t.api<ErrorResponse>('GET', `/articles/${id}`)).body.error.code).toBe('not_found');
  });

  it('keeps slugs unique per locale: a derived one gets a number, a chosen one that is taken is a conflict', async () => {
    const a = await createArticle({ title: 'Shipping times', body: 'x' });
    const b = await createArticle({ title: 'Shipping times', body: 'y' });
    expect([a.body.slug, b.body.slug]).toEqual(['shipping-times', 'shipping-times-2']);
    const taken = await createArticle({ title: 'Other', body: 'z', slug: 'shipping-times' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('conflict');
    // Another locale has slugs of its own.
    expect((await createArticle({ title: 'Waktu pengiriman', body: 'z', slug: 'shipping-times', locale: 'id' })).status).toBe(201);
  });

  it('links translations in one group, one per locale', async () => {
    const en = await createArticle({ title: 'Returns', body: 'Send it back within 30 days.' });
    const ar = await createArticle({ title: 'الإرجاع', body: 'أعده خلال 30 يومًا.', locale: 'ar', translation_of: en.body.id });
    expect(ar.status).toBe(201);
    expect(ar.body.group_id).toBe(en.body.group_id);
    expect(ar.body.slug).toBe('الارجاع'); // folded like search folds it: hamza and harakat dropped
    const twice = await createArticle({ title: 'مرة أخرى', body: 'x', locale: 'ar', translation_of: en.body.id });
    expect(twice.status).toBe(409);
    const group = await list(`?group_id=${en.body.group_id}`);
    expect(group.body.data.map((a) => a.locale).sort()).toEqual(['ar', 'en']);
  });

  it('lists by locale, status and collection, and searches title, summary and body (best first)', async () => {
    const collection = await t.api<HelpCollection>('POST', '/help-collections', { name: 'Gardening' });
    await createArticle({ title: 'Watering tomatoes', body: 'Water them every morning.', collection_id: collection.body.id, status: 'live' });
    await createArticle({ title: 'Pruning roses', summary: 'Cut back in spring; tomatoes like company.', body: 'Use clean shears.', collection_id: collection.body.id });
    await createArticle({ title: 'Menyiram tomat', body: 'Siram setiap pagi.', locale: 'id', status: 'live' });

    const inCollection = await list(`?collection_id=${collection.body.id}`);
    expect(inCollection.body.data.map((a) => a.title).sort()).toEqual(['Pruning roses', 'Watering tomatoes']);
    expect((await list(`?collection_id=${collection.body.id}&status=draft`)).body.data.map((a) => a.title)).toEqual(['Pruning roses']);
    expect((await list('?locale=id&q=tomat')).body.data.map((a) => a.title)).toEqual(['Menyiram tomat']);

    const search = await list('?q=tomatoes&locale=en');
    expect(search.body.data.map((a) => a.title)).toEqual(['Watering tomatoes', 'Pruning roses']);
    expect((await list('?q=tomatoes&status=live')).body.data.map((a) => a.title)).toEqual(['Watering tomatoes']);
    expect((await list('?q=%22%20OR%20*')).body.data).toEqual([]);
  });

  it('refuses what breaks the rules, naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ body: 'no title' }, 'title'],
      [{ title: 'x', body: 'y', locale: 'fr' }, 'locale'],
      [{ title: 'x', body: 'y', slug: 'Not A Slug' }, 'slug'],
      [{ title: 'x', body: 'y', status: 'published' }, 'status'],
      [{ title: 'x', body: 'y', pages: ['/a', 42] }, 'pages'],
      [{ title: 'x', body: 'y'.repeat(50_001) }, 'body'],
      [{ title: 'x', body: 'y', collection_id: 'hcol_missing' }, 'collection_id'],
      [{ title: 'x', body: 'y', translation_of: 'art_missing' }, ''],
    ];
    for (const [body, field] of cases) {
      const res = await createArticle(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(field ? 400 : 404);
      expect(res.body.error.message).toContain(field);
    }
    expect((await list('?locale=xx')).status).toBe(400);
  });

  it('counts views and votes in /stats', async () => {
    const article = await createArticle({ title: 'Counting sheep', body: 'One, two.', status: 'live' });
    const stats = await t.api<HelpArticleStats>('GET', `/articles/${article.body.id}/stats`);
    expect(stats.body).toEqual({ views: 0, viewers: 0, helpful: 0, not_helpful: 0, helpful_rate: null });
  });
});

describe('collections', () => {
  it('creates in order, translates, updates, and deleting one keeps its articles', async () => {
    const first = await t.api<HelpCollection>('POST', '/help-collections', { name: 'Account', translations: { id: { name: 'Akun' }, ar: { name: 'الحساب', description: 'كل شيء عن حسابك' } } });
    expect(first.status).toBe(201);
    expect(first.body.translations).toEqual({ id: { name: 'Akun' }, ar: { name: 'الحساب', description: 'كل شيء عن حسابك' } });
    const renamed = await t.api<HelpCollection>('PATCH', `/help-collections/${first.body.id}`, { name: 'Your account', position: 0 });
    expect(renamed.body).toMatchObject({ name: 'Your account', position: 0, translations: { id: { name: 'Akun' } } });
    const article = await createArticle({ title: 'Closing your account', body: 'x', collection_id: first.body.id });
    expect((await t.api('DELETE', `/help-collections/${first.body.id}`)).status).toBe(204);
    const kept = await t.api<HelpArticle>('GET', `/articles/${article.body.id}`);
    expect(kept.body.collection_id).toBeNull();
    expect((await t.api<ErrorResponse>('POST', '/help-collections', { name: '' })).status).toBe(400);
  });
});

describe('isolation', () => {
  it("another workspace's articles and collections answer 404 and never show in its lists or searches", async () => {
    const mine = await createArticle({ title: 'Secret launch plans', body: 'Only for us.', status: 'live' });
    const collection = await t.api<HelpCollection>('POST', '/help-collections', { name: 'Private' });
    const other = await otherWorkspace(t.server);
    const as = <T>(method: string, path: string, body?: unknown) => adminFetch<Answer<T>>(t.server.url, other.session, method, path, body);
    for (const [method, path] of [
      ['GET', `/articles/${mine.body.id}`],
      ['PATCH', `/articles/${mine.body.id}`],
      ['DELETE', `/articles/${mine.body.id}`],
      ['GET', `/articles/${mine.body.id}/stats`],
      ['GET', `/help-collections/${collection.body.id}`],
      ['DELETE', `/help-collections/${collection.body.id}`],
    ]) {
      const res = await as(method, path, method === 'PATCH' ? { title: 'mine now' } : undefined);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect((await as<Page<HelpArticle>>('GET', '/articles?q=secret')).body.data).toEqual([]);
    expect((await as<Page<HelpArticle>>('GET', '/articles')).body.data).toEqual([]);
    const translation = await as<HelpArticle>('POST', '/articles', { title: 'x', body: 'y', locale: 'id', translation_of: mine.body.id });
    expect(translation.status).toBe(404);
    const intoMyCollection = await as<HelpArticle>('POST', '/articles', { title: 'x', body: 'y', collection_id: collection.body.id });
    expect(intoMyCollection.status).toBe(400);
  });
});
