/**
 * The public help page through the real server: collections and live
 * articles per locale, an article with everything the workspace wrote
 * escaped (markdown rendered by the widget's rules only), a strict CSP with
 * no script, right-to-left Arabic with hreflang links between translations,
 * search, the recorded view, and 404s for drafts and unknown places.
 */
import { describe, expect, it } from 'vitest';
import type { HelpArticle, HelpArticleStats, HelpCollection } from '../../protocol/index.js';
import { useAdminTestServer } from '../test-support/admin-test-server.js';

const t = useAdminTestServer();
const page = (path: string, headers: Record<string, string> = {}) => fetch(`${t.server.url}${path}`, { headers, redirect: 'manual' });
const article = async (body: Record<string, unknown>) => (await t.api<HelpArticle>('POST', '/articles', { status: 'live', ...body })).body;

describe('public help page', () => {
  it('renders an article with every piece of admin text escaped and only safe markdown constructs', async () => {
    const hostile = await article({
      title: 'Hello <script>alert(1)</script> & "friends"',
      summary: "<img src=x onerror=alert(1)> it's",
      slug: 'hostile-article',
      body: [
        '# Heading <b>bold?</b>',
        '**strong** _em_ `<code>` [ok](https://example.com/a?b=1&c="2") [bad](javascript:alert(1)) [rel](/relative)',
        '![pic](https://img.example.com/p.png) ![svg](data:image/svg+xml;base64,PHN2Zz4=)',
        '<iframe src="x" onload="alert(3)"></iframe>',
        '```html\n<script>alert(2)</script>\n```',
      ].join('\n\n'),
    });
    const res = await page(`/help/demo/en/articles/${hostile.slug}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('script-src');
    const html = await res.text();
    expect(html).toContain('<title>Hello &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot; · Parley Demo</title>');
    expect(html).toContain('<p class="lead">&lt;img src=x onerror=alert(1)&gt; it&#39;s</p>');
    expect(html).toContain('<h1>Heading &lt;b&gt;bold?&lt;/b&gt;</h1>');
    expect(html).toContain('<strong>strong</strong> <em>em</em> <code>&lt;code&gt;</code>');
    expect(html).toContain('<a href="https://example.com/a?b=1&amp;c=%222%22" rel="noopener noreferrer nofollow">ok</a>');
    expect(html).toContain('nofollow">ok</a> bad rel</p>'); // refused links keep their text…
    expect(html).not.toContain('javascript:'); // …and loses its URL
    expect(html).not.toContain('href="/relative"');
    expect(html).not.toContain('src="data:');
    expect(html).toContain('<img src="https://img.example.com/p.png" alt="pic" loading="lazy"> svg</p>'); // a refused image keeps its alt text
    expect(html).toContain('&lt;iframe src=&quot;x&quot; onload=&quot;alert(3)&quot;&gt;&lt;/iframe&gt;');
    expect(html).toContain('<pre><code class="language-html">&lt;script&gt;alert(2)&lt;/script&gt;</code></pre>');
    // The only tags are the page's own and the renderer's fixed set.
    const tags = new Set([...html.matchAll(/<([a-z][a-z0-9]*)/g)].map((m) => m[1]));
    const allowed = ['html', 'head', 'meta', 'title', 'link', 'body', 'header', 'div', 'a', 'nav', 'form', 'input', 'button', 'main', 'p', 'article', 'h1', 'h2', 'h3', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'hr', 'strong', 'em', 'del', 'br', 'img', 'span', 'section'];
    expect([...tags].filter((tag) => !allowed.includes(tag))).toEqual([]);
    // No tag carries an event handler or a style (text that looks like one is escaped, so it is not in a tag).
    for (const [tag] of html.matchAll(/<[a-z][^>]*>/g)) expect(tag).not.toMatch(/\s(on[a-z]+|style)=/i);
  });

  it('serves Arabic right to left, with hreflang links between the translations', async () => {
    const en = await article({ title: 'Pausing your plan', body: 'Pause it from Billing.', slug: 'pause-plan' });
    const ar = await article({ title: 'إيقاف خطتك مؤقتًا', body: 'أوقفها من صفحة الفواتير.', locale: 'ar', translation_of: en.id });
    const html = await (await page(`/help/demo/ar/articles/${encodeURIComponent(ar.slug)}`)).text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain(`<link rel="alternate" hreflang="en" href="http://127.0.0.1/help/demo/en/articles/pause-plan">`);
    expect(html).toContain('<h1>إيقاف خطتك مؤقتًا</h1>');
    const english = await (await page('/help/demo/en/articles/pause-plan')).text();
    expect(english).toContain('<html lang="en" dir="ltr">');
    expect(english).toContain(`hreflang="ar" href="http://127.0.0.1${encodeURI(`/help/demo/ar/articles/${ar.slug}`)}"`);
  });

  it('lists collections with their live articles (translated names), and never drafts', async () => {
    const collection = await t.api<HelpCollection>('POST', '/help-collections', { name: 'Shipping', position: 0, translations: { id: { name: 'Pengiriman' } } });
    await article({ title: 'Tracking a parcel', body: 'x', collection_id: collection.body.id, summary: 'Where is it now?' });
    await article({ title: 'Draft shipping article', body: 'x', collection_id: collection.body.id, status: 'draft', slug: 'draft-shipping' });
    await article({ title: 'Melacak paket', body: 'x', collection_id: collection.body.id, locale: 'id' });
    const en = await (await page('/help/demo/en')).text();
    expect(en).toContain('<h2>Shipping</h2>');
    expect(en).toContain('<strong>Tracking a parcel</strong><span>Where is it now?</span>');
    expect(en).not.toContain('Draft shipping article');
    const id = await (await page('/help/demo/id')).text();
    expect(id).toContain('<h2>Pengiriman</h2>');
    expect(id).toContain('Melacak paket');
    expect((await page('/help/demo/en/articles/draft-shipping')).status).toBe(404);
  });

  it('searches, records page views, and answers 404 pages for unknown places', async () => {
    const a = await article({ title: 'Recycling old hardware', body: 'Send it back to us.', slug: 'recycling' });
    const results = await (await page('/help/demo/en/search?q=recycle%20%3Cb%3E')).text();
    expect(results).toContain('Results for “recycle &lt;b&gt;”');
    expect(results).toContain('href="/help/demo/en/articles/recycling"');
    expect(results).toContain('value="recycle &lt;b&gt;"');

    await page('/help/demo/en/articles/recycling');
    const stats = await t.api<HelpArticleStats>('GET', `/articles/${a.id}/stats`);
    expect(stats.body).toMatchObject({ views: 1, viewers: 0 });

    for (const path of ['/help/nope/en', '/help/demo/fr', '/help/demo/en/articles/nope', '/help/demo/en/articles/' + 'x'.repeat(300)]) {
      const res = await page(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toContain('text/html');
    }
    const chosen = await page('/help/demo', { 'Accept-Language': 'id-ID,id;q=0.9,en;q=0.5' });
    expect(chosen.status).toBe(302);
    expect(chosen.headers.get('location')).toBe('/help/demo/id');
    const css = await page('/help/help.css');
    expect(css.headers.get('content-type')).toContain('text/css');
  });

  it('takes the demo message’s old help link to the seeded article', async () => {
    const res = await page('/demo/help/update-card');
    expect(res.headers.get('location')).toBe('/help/demo/en/articles/update-card');
    const html = await (await page('/help/demo/en/articles/update-card')).text();
    expect(html).toContain('<title>How to update your card · Parley Demo</title>');
    expect(html).toContain('hreflang="id"');
    expect(html).toContain('hreflang="ar"');
  });
});
