/**
 * What the results screen shows, free of DOM: scores as words ("+40",
 * "85%", "5.2", "—" when there is nothing to score, never NaN), the bars of
 * each chart, the trend's series, the text answers newest first, and the
 * query (breakdown, date range) as the API takes it.
 */
import type { QuestionResult, ScoreSet, SurveyQuestion, SurveyResults } from '../../protocol/index.js';
import { npsCategory } from '../../protocol/index.js';
import { answerValues } from './answer-condition.js';

const finite = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

/** "+40", "0", "-12" (NPS runs −100..100 and is always shown with its sign); "—" without answers. */
export function formatNps(score: number | null | undefined): string {
  if (!finite(score)) return '—';
  return score > 0 ? `+${Math.round(score)}` : String(Math.round(score));
}

/** CSAT comes as a percentage (0–100). */
export function formatCsat(percent: number | null | undefined): string {
  return finite(percent) ? `${Number(percent.toFixed(1))}%` : '—';
}

/** CES: the average of 1–7, one decimal. */
export function formatCes(average: number | null | undefined): string {
  return finite(average) ? average.toFixed(1) : '—';
}

/** `part` of `total` as "40%"; "—" when total is 0. */
export function shareOf(part: number, total: number): string {
  if (!finite(part) || !finite(total) || total <= 0) return '—';
  return `${Math.round((part / total) * 100)}%`;
}

/** The score a row of a list or breakdown leads with: NPS, else CSAT, else CES. */
export function headlineScore(scores: Pick<ScoreSet, 'nps' | 'csat' | 'ces'>): { label: 'NPS' | 'CSAT' | 'CES'; text: string } | null {
  if (scores.nps) return { label: 'NPS', text: formatNps(scores.nps.score) };
  if (scores.csat !== null && scores.csat !== undefined) return { label: 'CSAT', text: formatCsat(scores.csat) };
  if (scores.ces !== null && scores.ces !== undefined) return { label: 'CES', text: formatCes(scores.ces) };
  return null;
}

export type BarTone = 'detractor' | 'passive' | 'promoter' | 'neutral';

export interface Bar {
  label: string;
  count: number;
  tone: BarTone;
}

/** NPS answers 0–10, each coloured by what it makes the respondent. */
export function npsBars(distribution: Record<string, number>): Bar[] {
  return Array.from({ length: 11 }, (_, n) => ({ label: String(n), count: distribution[String(n)] ?? 0, tone: npsCategory(n) }));
}

/**
 * A question's answers as bars: every value of a scale (unanswered ones as 0)
 * or every option in the survey's order, then "Other"; answers the question
 * no longer offers (an option since removed) follow, so no count goes missing.
 */
export function questionBars(result: QuestionResult, question: SurveyQuestion | undefined): Bar[] {
  if (result.type === 'nps') return npsBars(result.distribution);
  if (result.type === 'text') return [];
  const known =
    result.type === 'single' || result.type === 'multi'
      ? [...(question?.options ?? []), ...(question?.allow_other || 'other' in result.distribution ? ['other'] : [])]
      : answerValues({ type: result.type, options: [], scale: question?.scale ?? maxKey(result.distribution) });
  const rest = Object.keys(result.distribution).filter((k) => !known.includes(k));
  return [...known, ...rest].map((key) => ({ label: key === 'other' ? 'Other' : key, count: result.distribution[key] ?? 0, tone: 'neutral' as const }));
}

function maxKey(distribution: Record<string, number>): number {
  const numbers = Object.keys(distribution).map(Number).filter(Number.isInteger);
  return numbers.length ? Math.max(5, ...numbers) : 5;
}

/** The headline chart's NPS question: the first one with results. */
export function headlineNpsQuestion(results: SurveyResults): QuestionResult | null {
  return results.questions.find((q) => q.type === 'nps') ?? null;
}

export type TrendScore = 'nps' | 'csat' | 'ces';

/** Which score the trend draws beside the responses: NPS when there is one, else CSAT, else CES, else none. */
export function trendScore(results: Pick<SurveyResults, 'nps' | 'csat' | 'ces'>): TrendScore | null {
  if (results.nps) return 'nps';
  if (results.csat !== null && results.csat !== undefined) return 'csat';
  if (results.ces !== null && results.ces !== undefined) return 'ces';
  return null;
}

/** A trend day's value of that score (null where the day had none). */
export function dayScore(day: ScoreSet, score: TrendScore): number | null {
  const value = score === 'nps' ? (day.nps?.score ?? null) : score === 'csat' ? day.csat : day.ces;
  return finite(value) ? value : null;
}

/** The range a score is drawn on. */
export const SCORE_RANGES: Record<TrendScore, [number, number]> = { nps: [-100, 100], csat: [0, 100], ces: [1, 7] };

export function formatScore(score: TrendScore, value: number | null): string {
  return score === 'nps' ? formatNps(value) : score === 'csat' ? formatCsat(value) : formatCes(value);
}

/** A round top for a count axis: 1, 2, 5, 10, 20, 50… at least `max`. */
export function niceCeiling(max: number): number {
  if (!finite(max) || max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

export interface TextAnswer {
  questionId: string;
  question: string;
  contactId: string;
  answer: string;
  at: string;
}

/** Every text answer (and "Other" text) of every question, newest first. */
export function latestTexts(results: Pick<SurveyResults, 'questions'>, limit = 50): TextAnswer[] {
  return results.questions
    .flatMap((q) => q.texts.map((t) => ({ questionId: q.id, question: q.text, contactId: t.contact_id, answer: t.answer, at: t.at })))
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, limit);
}

export type BreakdownMode = 'none' | 'trait' | 'segment';

const TRAIT_KEY = /^[A-Za-z0-9_.-]{1,64}$/;

/** `by` of the results query; undefined for none, or while the trait key is not one the API accepts. */
export function breakdownParam(mode: BreakdownMode, traitKey: string): string | undefined {
  if (mode === 'segment') return 'segment';
  if (mode === 'trait' && TRAIT_KEY.test(traitKey.trim())) return `trait:${traitKey.trim()}`;
  return undefined;
}

export function isTraitKey(text: string): boolean {
  return TRAIT_KEY.test(text.trim());
}

/**
 * A date range picked as `<input type=date>` values (the agent's days) as the
 * API's ISO instants: from the start of the first day up to (not
 * including) the start of the day after the last. An empty or broken end is
 * left open.
 */
export function dateRangeQuery(from: string, to: string): { from?: string; to?: string } {
  const start = localDay(from);
  const end = localDay(to);
  const query: { from?: string; to?: string } = {};
  if (start) query.from = start.toISOString();
  if (end) {
    end.setDate(end.getDate() + 1);
    query.to = end.toISOString();
  }
  return query;
}

function localDay(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "Mar 4" for a trend day ("2025-03-04", UTC). */
export function dayLabel(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return date.toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}
