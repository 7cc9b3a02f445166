/**
 * For the help views' DOM tests (happy-dom cannot host the server): a
 * `request` that answers the help events from a few articles the way the
 * server's contract says (help-api.integration.test.ts checks the real one),
 * and records what was asked.
 */
import type { Ack } from '../../../protocol/ack.js';
import type { HelpArticleContent, HelpArticleSummary } from '../../../protocol/help/models.js';
import type { HelpDeps } from '../help-deps.js';

export interface Asked {
  event: string;
  payload: Record<string, unknown>;
}

export function helpRequests(articles: Array<HelpArticleSummary & { body: string }>, forPage: string[] = []) {
  const asked: Asked[] = [];
  const votes = new Map<string, boolean>();
  const summary = ({ id, title, summary: s, url }: HelpArticleSummary) => ({ id, title, summary: s, url });
  const request: HelpDeps['request'] = async <T>(event: string, payload: unknown): Promise<Ack<T> | null> => {
    const p = payload as Record<string, unknown>;
    asked.push({ event, payload: p });
    const ok = (data: unknown) => ({ ok: true, data }) as Ack<T>;
    switch (event) {
      case 'help:search': {
        const words = String(p.q).toLowerCase().split(/\s+/).filter((w) => w.length > 2);
        const hits = articles.filter((a) => words.some((w) => `${a.title} ${a.body}`.toLowerCase().includes(w)));
        return ok({ articles: hits.slice(0, Number(p.limit ?? 8)).map(summary) });
      }
      case 'help:suggest': {
        const page = articles.filter((a) => forPage.includes(a.id));
        return ok({ reason: page.length ? 'page' : 'popular', articles: (page.length ? page : articles).map(summary) });
      }
      case 'help:article': {
        const a = articles.find((x) => x.id === p.id);
        if (!a) return { ok: false, error: { code: 'not_found', message: 'article not found' } };
        const content: HelpArticleContent = { ...summary(a), body: a.body, locale: 'en', updatedAt: '2024-01-01T00:00:00.000Z', vote: votes.get(a.id) ?? null };
        return ok({ article: content });
      }
      case 'help:vote':
        votes.set(String(p.id), Boolean(p.helpful));
        return ok({ helpful: p.helpful });
      default:
        return null;
    }
  };
  const deps: HelpDeps = { request, pageUrl: () => 'https://app.example.com/billing', locale: 'en', apiBase: 'https://parley.example.com', addStyles: () => {} };
  return { deps, asked, votes };
}

export const ARTICLES = [
  { id: 'a1', title: 'Update your payment card', summary: 'Replace an expired card.', url: '/help/demo/en/articles/update-card', body: 'Open **Billing** and choose *Replace card*.' },
  { id: 'a2', title: 'Cancel your subscription', summary: 'Stop renewing.', url: '/help/demo/en/articles/cancel', body: 'Open Billing, then Cancel.' },
  { id: 'a3', title: 'Export reports', summary: 'CSV for spreadsheets.', url: '/help/demo/en/articles/export', body: 'Click Export.' },
  { id: 'a4', title: 'Card declined at checkout', summary: 'Why a bank says no.', url: '/help/demo/en/articles/declined', body: 'Your bank declined the card.' },
];
