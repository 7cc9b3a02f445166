/**
 * A contact's help center activity under GDPR: the export carries its views
 * and votes, and an erase leaves nothing tied to the person while the
 * article's counts stay the same (the rows move to the erased remnant).
 */
import { describe, expect, it } from 'vitest';
import type { ContactExport, HelpArticle, HelpArticleStats } from '../../../protocol/index.js';
import { useAdminTestServer } from '../../test-support/admin-test-server.js';
import { bootVisitor, connectVisitor } from '../../test-support/test-server.js';

const t = useAdminTestServer();

describe('help center activity and privacy', () => {
  it('is exported with the contact and survives its erase only as anonymous counts', async () => {
    const article = (await t.api<HelpArticle>('POST', '/articles', { title: 'Ferret grooming', body: 'Brush weekly.', status: 'live' })).body;
    const boot = await bootVisitor(t.server.url);
    const socket = await connectVisitor(t.server.url, boot.token);
    t.sockets.push(socket);
    expect((await socket.emitWithAck('help:article', { id: article.id, source: 'search' })).ok).toBe(true);
    expect((await socket.emitWithAck('help:vote', { id: article.id, helpful: true })).ok).toBe(true);

    const exported = await t.api<ContactExport>('GET', `/contacts/${boot.contactId}/export`);
    expect(exported.body.other.help_article_views).toEqual([expect.objectContaining({ article_id: article.id, source: 'search' })]);
    expect(exported.body.other.help_article_votes).toEqual([expect.objectContaining({ article_id: article.id, helpful: 1 })]);

    expect((await t.api('DELETE', `/contacts/${boot.contactId}`)).status).toBe(204);
    const db = t.server.domain.db;
    expect(await db.selectFrom('help_article_views').select('id').where('contact_id', '=', boot.contactId).execute()).toEqual([]);
    expect(await db.selectFrom('help_article_votes').select('article_id').where('contact_id', '=', boot.contactId).execute()).toEqual([]);
    const stats = await t.api<HelpArticleStats>('GET', `/articles/${article.id}/stats`);
    expect(stats.body).toMatchObject({ views: 1, viewers: 1, helpful: 1, not_helpful: 0 });
  });
});
