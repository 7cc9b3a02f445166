/**
 * The answer bot (Intercom's Resolution Bot without the AI): when a visitor
 * starts a conversation, their first message is searched in the help center,
 * and the best live articles (at most BOT_LIMITS.articles) are offered with
 * "Did that help?". Yes resolves the conversation; no hands it to a person.
 *
 * It is a flow like the custom bots' — `suggest_articles`, then a line saying
 * a teammate will reply, then `handover` — run by the same engine. The help
 * center is reached through `ArticleSuggester`, the one thing bots need of it.
 */
import type { BotStep } from '../../../protocol/index.js';
import { botTexts } from './bot-texts.js';

/** An article offered to the visitor; `url` may be relative to the server (`/help/…`). */
export interface SuggestedArticle {
  title: string;
  url: string;
}

/** The help center's search for a visitor's words, best first, live articles only. */
export interface ArticleSuggester {
  suggestForText(workspaceId: string, text: string, locale: string, limit: number): Promise<SuggestedArticle[]>;
}

/** The answer bot's steps, in the contact's language. */
export function answerBotSteps(locale: string | null): BotStep[] {
  return [
    { id: 'suggest', type: 'suggest_articles' },
    { id: 'teammate', type: 'message', body: botTexts(locale).teammate },
    { id: 'handover', type: 'handover' },
  ];
}

/** Markdown links need absolute http(s) URLs: a relative one gets the server's public URL. */
export function absoluteUrl(url: string, publicUrl: string): string {
  try {
    return new URL(url, publicUrl).toString();
  } catch {
    return url;
  }
}

/** The bot's message: the articles as a list of links, then the question. */
export function articlesMessage(articles: readonly SuggestedArticle[], locale: string | null, publicUrl: string): string {
  const texts = botTexts(locale);
  const escape = (s: string) => s.replace(/[[\]\\*_`]/g, (c) => `\\${c}`);
  const links = articles.map((a) => `- [${escape(a.title)}](${absoluteUrl(a.url, publicUrl)})`);
  return [texts.articlesIntro, '', ...links, '', texts.didThatHelp].join('\n');
}
