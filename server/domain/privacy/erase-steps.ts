/**
 * The erase steps that do more than delete rows. Rows that feed aggregate
 * counts (conversation metrics, message stats, survey scores, tour funnels,
 * series progress) move to the erase's remnant — a new, empty contact marked
 * erased — with their personal parts cleared; uploads leave the file store
 * too (after the transaction commits: a rolled-back erase keeps its files).
 */
import { type Kysely, sql } from 'kysely';
import type { Answers, SurveyQuestion } from '../../../protocol/index.js';
import type { Database } from '../../store/index.js';
import { parseJsonColumn } from '../json.js';
import { type LinkedTable, linkCondition } from './contact-links.js';
import { scrubAnswers } from './survey-scrub.js';

export interface EraseContext {
  /** The erase's transaction: every step writes through it (never through the store's own handle). */
  trx: Kysely<Database>;
  workspaceId: string;
  contactId: string;
  /** The empty contact that keeps the anonymised rows. */
  remnantId: string;
  /** The contact's id and the remnant's: rows already moved still match. */
  ids: readonly string[];
  now: string;
  find: (table: string) => LinkedTable | undefined;
  /** Storage keys of files to remove once committed. */
  files: string[];
  /** Conversations kept (closed, emptied) on the remnant: announced once committed. */
  conversations: string[];
}

export type EraseStep = (ctx: EraseContext, entry: LinkedTable) => Promise<void>;

/** Attachments: their files go too. */
export const removeUploads: EraseStep = async (ctx, entry) => {
  const where = await linkCondition(ctx.trx, entry, ctx.ids, ctx.find);
  const { rows } = await sql<{ storage_key: string }>`select storage_key from attachments where ${where}`.execute(ctx.trx);
  ctx.files.push(...rows.map((r) => r.storage_key));
  await sql`delete from attachments where ${where}`.execute(ctx.trx);
};

/** Conversations stay for the reports, closed and emptied (messages and notes are deleted by their own entries). */
export const anonymiseConversations: EraseStep = async ({ trx, contactId, remnantId, now, conversations }) => {
  const rows = await trx.selectFrom('conversations').select('id').where('contact_id', '=', contactId).execute();
  conversations.push(...rows.map((r) => r.id));
  await trx.updateTable('conversations').set({ closed_at: now }).where('contact_id', '=', contactId).where('closed_at', 'is', null).execute();
  await trx
    .updateTable('conversations')
    .set({ contact_id: remnantId, status: 'closed', snoozed_until: null, waiting_since: null, rating_comment: null, redacted_at: now })
    .where('contact_id', '=', contactId)
    .execute();
};

/** Sends and their outcomes (times only) keep counting in the message stats. */
export const anonymiseDeliveries: EraseStep = async ({ trx, contactId, remnantId }) => {
  await trx.updateTable('campaign_deliveries').set({ contact_id: remnantId }).where('contact_id', '=', contactId).execute();
};

/** Tour runs keep the funnel (which step, how it ended). */
export const anonymiseTourRuns: EraseStep = async ({ trx, contactId, remnantId }) => {
  await trx.updateTable('tour_runs').set({ contact_id: remnantId }).where('contact_id', '=', contactId).execute();
};

/** Series progress stays in the series' stats; a running enrollment ends (nothing more is sent to nobody). */
export const anonymiseEnrollments: EraseStep = async ({ trx, contactId, remnantId, now }) => {
  await trx.updateTable('series_enrollments').set({ status: 'exited', updated_at: now }).where('contact_id', '=', contactId).where('status', '=', 'active').execute();
  await trx.updateTable('series_enrollments').set({ contact_id: remnantId }).where('contact_id', '=', contactId).execute();
};

/** Scores and choices stay in the survey results; free text goes (survey-scrub.ts). */
export const anonymiseSurveyResponses: EraseStep = async ({ trx, contactId, remnantId, now }) => {
  const rows = await trx.selectFrom('survey_responses').select(['id', 'survey_id', 'answers']).where('contact_id', '=', contactId).execute();
  const surveyIds = [...new Set(rows.map((r) => r.survey_id))];
  const surveys = surveyIds.length ? await trx.selectFrom('campaigns').select(['id', 'survey']).where('id', 'in', surveyIds).execute() : [];
  const questions = new Map(surveys.map((s) => [s.id, parseJsonColumn<{ questions?: SurveyQuestion[] }>(s.survey, {}).questions ?? []]));
  for (const row of rows) {
    const answers = scrubAnswers(questions.get(row.survey_id) ?? [], parseJsonColumn<Answers>(row.answers, {}));
    await trx.updateTable('survey_responses').set({ answers: JSON.stringify(answers), contact_id: remnantId, updated_at: now }).where('id', '=', row.id).execute();
  }
};

/** The profile itself, last: only the person's row (the remnant matches the links too). */
export const removeContact: EraseStep = async ({ trx, contactId }) => {
  await trx.deleteFrom('contacts').where('id', '=', contactId).execute();
};
