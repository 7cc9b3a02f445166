/**
 * Search as the visitor types: one request once the text has rested for
 * `delayMs` (300 ms: about a pause between words), the answer kept only if
 * it is still for the current text.
 */
import { useEffect, useState } from 'preact/hooks';
import type { HelpArticleSummary } from '../../../protocol/help/models.js';

export interface Found {
  q: string;
  articles: HelpArticleSummary[];
}

/** Fewer characters than this search for nothing yet. */
const MIN_CHARS = 3;

export function useArticleSearch(search: (q: string) => Promise<HelpArticleSummary[]>, text: string, delayMs: number): Found | null {
  const [found, setFound] = useState<Found | null>(null);
  const q = text.trim();
  useEffect(() => {
    if (q.length < MIN_CHARS) {
      setFound(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      search(q).then(
        (articles) => live && setFound({ q, articles }),
        () => {},
      );
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  return q.length < MIN_CHARS ? null : found;
}
