/**
 * A survey's results (`GET /surveys/:id/results`): scores (NPS, CSAT, CES),
 * response rate, per-question distributions, text answers, a daily trend and
 * an optional breakdown by a trait or by segment; and the same rows as CSV.
 * Computed from the responses on request: surveys get hundreds or thousands
 * of answers, not millions.
 */
import type { Kysely } from 'kysely';
import {
  ruleVerdict,
  scaleRange,
  scoreSet,
  type AnswerValue,
  type Answers,
  type QuestionResult,
  type ScoreSet,
  type SurveyQuestion,
  type SurveyResults as Results,
} from '../../../protocol/index.js';
import type { ContactRow, Database } from '../../store/index.js';
import type { Deliveries } from '../content/deliveries.js';
import type { SegmentStore } from '../content/segment-store.js';
import type { TargetingContexts } from '../content/targeting-contexts.js';
import { lastPage } from '../content/contact-facts.js';
import { parseJsonColumn } from '../json.js';
import type { Survey } from '../../../protocol/index.js';

interface Row {
  contactId: string;
  answers: Answers;
  completedAt: string | null;
  updatedAt: string;
}

const TEXTS_KEPT = 100;

function numbersOf(rows: Row[], questions: SurveyQuestion[], type: 'nps' | 'csat' | 'ces'): number[] {
  const ids = questions.filter((q) => q.type === type).map((q) => q.id);
  return rows.flatMap((r) => ids.map((id) => r.answers[id]).filter((v): v is number => typeof v === 'number'));
}

function scoresOf(rows: Row[], questions: SurveyQuestion[]): ScoreSet {
  return scoreSet(rows.length, { nps: numbersOf(rows, questions, 'nps'), csat: numbersOf(rows, questions, 'csat'), ces: numbersOf(rows, questions, 'ces') });
}

function questionResult(q: SurveyQuestion, rows: Row[]): QuestionResult {
  const distribution: Record<string, number> = {};
  const numbers: number[] = [];
  const texts: QuestionResult['texts'] = [];
  const bump = (key: string) => (distribution[key] = (distribution[key] ?? 0) + 1);
  let answered = 0;
  for (const row of rows) {
    const value: AnswerValue | undefined = row.answers[q.id];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    answered += 1;
    if (typeof value === 'number') {
      numbers.push(value);
      bump(String(value));
    } else if (q.type === 'text') {
      texts.push({ contact_id: row.contactId, answer: value as string, at: row.completedAt ?? row.updatedAt });
    } else {
      for (const choice of Array.isArray(value) ? value : [value]) {
        if ((q.options ?? []).includes(choice)) bump(choice);
        else {
          bump('other');
          texts.push({ contact_id: row.contactId, answer: choice, at: row.completedAt ?? row.updatedAt });
        }
      }
    }
  }
  const range = scaleRange(q);
  if (range) for (let v = range[0]; v <= range[1]; v++) distribution[String(v)] ??= 0;
  for (const option of q.options ?? []) distribution[option] ??= 0;
  texts.sort((a, b) => (a.at < b.at ? 1 : -1));
  const average = numbers.length ? Math.round((numbers.reduce((a, b) => a + b, 0) / numbers.length) * 100) / 100 : null;
  return { id: q.id, type: q.type, text: q.text, answered, distribution, average, texts: texts.slice(0, TEXTS_KEPT) };
}

export class SurveyResults {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly deps: { deliveries: Deliveries; segments: SegmentStore; targeting: TargetingContexts },
  ) {}

  private async rows(survey: Survey, range: { from?: string; to?: string }): Promise<Row[]> {
    let q = this.db.selectFrom('survey_responses').select(['contact_id', 'answers', 'completed_at', 'updated_at']).where('survey_id', '=', survey.id);
    if (range.from) q = q.where('updated_at', '>=', range.from);
    if (range.to) q = q.where('updated_at', '<', range.to);
    const rows = await q.orderBy('updated_at').execute();
    return rows.map((r) => ({ contactId: r.contact_id, answers: parseJsonColumn<Answers>(r.answers, {}), completedAt: r.completed_at, updatedAt: r.updated_at }));
  }

  async compute(workspaceId: string, survey: Survey, query: { by?: string; from?: string; to?: string }): Promise<Results> {
    const all = await this.rows(survey, query);
    const completed = all.filter((r) => r.completedAt !== null);
    const stats = await this.deps.deliveries.stats(survey.id);
    const days = new Map<string, Row[]>();
    for (const row of completed) {
      const day = (row.completedAt as string).slice(0, 10);
      days.set(day, [...(days.get(day) ?? []), row]);
    }
    return {
      ...scoresOf(completed, survey.questions),
      partial: all.length - completed.length,
      shown: stats.shown,
      response_rate: stats.shown ? Math.round((completed.length / stats.shown) * 1000) / 1000 : null,
      questions: survey.questions.map((q) => questionResult(q, completed)),
      trend: [...days.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, rows]) => ({ day, ...scoresOf(rows, survey.questions) })),
      breakdown: query.by ? await this.breakdown(workspaceId, survey, completed, query.by) : null,
    };
  }

  /** One score set per trait value (`trait:plan`) or per saved segment (`segment`; a contact may be in several). */
  private async breakdown(workspaceId: string, survey: Survey, rows: Row[], by: string): Promise<Array<ScoreSet & { group: string }>> {
    const contacts = await this.contactsOf(rows);
    const groups = new Map<string, Row[]>();
    const add = (group: string, row: Row) => groups.set(group, [...(groups.get(group) ?? []), row]);
    if (by.startsWith('trait:')) {
      const key = by.slice('trait:'.length);
      for (const row of rows) {
        const contact = contacts.get(row.contactId);
        const traits = parseJsonColumn<Record<string, unknown>>(contact?.traits ?? null, {});
        const value = Object.prototype.hasOwnProperty.call(traits, key) ? traits[key] : undefined;
        add(value === undefined || value === null ? '(none)' : String(value), row);
      }
    } else {
      const segments = await this.deps.segments.list(workspaceId);
      const rules = segments.map((s) => s.rule);
      const list = [...contacts.values()];
      const now = Date.now();
      const contexts = await this.deps.targeting.forContacts(workspaceId, list, rules, now);
      for (const row of rows) {
        const contact = contacts.get(row.contactId);
        const ctx = contact ? contexts.get(contact.id) : undefined;
        if (!contact || !ctx) continue;
        for (const segment of segments) if (ruleVerdict(segment.rule, { ...ctx, page: lastPage(contact) }, now) === true) add(segment.name, row);
      }
    }
    return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([group, groupRows]) => ({ group, ...scoresOf(groupRows, survey.questions) }));
  }

  private async contactsOf(rows: Row[]): Promise<Map<string, ContactRow>> {
    const ids = [...new Set(rows.map((r) => r.contactId))];
    const found = new Map<string, ContactRow>();
    for (let i = 0; i < ids.length; i += 400) {
      for (const c of await this.db.selectFrom('contacts').selectAll().where('id', 'in', ids.slice(i, i + 400)).execute()) found.set(c.id, c);
    }
    return found;
  }

  /** Every response (partial ones too) in the range as CSV: one row per response, one column per question. */
  async csv(survey: Survey, range: { from?: string; to?: string } = {}): Promise<string> {
    const rows = await this.rows(survey, range);
    const contacts = await this.contactsOf(rows);
    const cell = (v: unknown) => {
      const text = v === undefined || v === null ? '' : Array.isArray(v) ? v.join('; ') : String(v);
      // Quote always; a leading = + - @ would run as a formula in a spreadsheet.
      return `"${(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
    };
    const header = ['contact_id', 'user_id', 'email', 'completed_at', ...survey.questions.map((q) => q.text)];
    const lines = rows.map((r) => {
      const c = contacts.get(r.contactId);
      return [r.contactId, c?.external_id, c?.email, r.completedAt, ...survey.questions.map((q) => r.answers[q.id])].map(cell).join(',');
    });
    return [header.map(cell).join(','), ...lines].join('\r\n') + '\r\n';
  }
}
