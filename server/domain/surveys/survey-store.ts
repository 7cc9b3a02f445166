/**
 * Surveys as the REST API sees them (DESIGN.md §2 `surveys`), stored as
 * campaigns of format "survey": the audience, trigger, schedule and send limit
 * columns are the in-app messages' own, the questions go in `survey`.
 */
import type { CreateSurveyInput, Survey, UpdateSurveyInput } from '../../../protocol/index.js';
import { type Campaign, type CampaignFields, type CampaignStore, type SurveyBody, toColumns } from '../content/campaign-store.js';

export function toSurvey(c: Campaign): Survey {
  const body: SurveyBody = c.survey ?? { questions: [], thank_you: null, display: 'card', sample_pct: 100, follow_up: [] };
  return {
    id: c.id,
    name: c.name,
    questions: body.questions,
    thank_you: body.thank_you ?? null,
    display: body.display ?? 'card',
    audience: c.audience,
    trigger: c.trigger,
    frequency: c.frequency,
    schedule: c.schedule,
    sample_pct: body.sample_pct ?? 100,
    follow_up: body.follow_up ?? [],
    priority: c.priority,
    status: c.status,
    created_at: c.created_at,
    updated_at: c.updated_at,
  };
}

function surveyColumns(input: UpdateSurveyInput, current: SurveyBody | null): Partial<CampaignFields> {
  const { questions, thank_you, display, sample_pct, follow_up, ...shared } = input;
  const base: SurveyBody = current ?? { questions: [], thank_you: null, display: 'card', sample_pct: 100, follow_up: [] };
  const body: SurveyBody = {
    questions: questions ?? base.questions,
    thank_you: thank_you !== undefined ? thank_you : base.thank_you,
    display: display ?? base.display,
    sample_pct: sample_pct ?? base.sample_pct,
    follow_up: follow_up ?? base.follow_up,
  };
  return { ...toColumns(shared), format: 'survey', body: '', survey: JSON.stringify(body) };
}

export class SurveyStore {
  constructor(private readonly campaigns: CampaignStore) {}

  async list(workspaceId: string): Promise<Survey[]> {
    return (await this.campaigns.list(workspaceId, 'survey')).map(toSurvey);
  }

  async get(workspaceId: string, id: string): Promise<Survey> {
    return toSurvey(await this.campaigns.get(workspaceId, id, 'survey'));
  }

  async create(workspaceId: string, input: CreateSurveyInput): Promise<Survey> {
    // A survey without a trigger shows as soon as the contact qualifies.
    return toSurvey(await this.campaigns.insert(workspaceId, surveyColumns({ trigger: { on: 'immediate' }, ...input }, null)));
  }

  async update(workspaceId: string, id: string, patch: UpdateSurveyInput): Promise<Survey> {
    const current = await this.campaigns.get(workspaceId, id, 'survey');
    if (patch.questions && patch.follow_up === undefined) {
      // Follow-ups must still name questions that exist.
      const ids = new Set(patch.questions.map((q) => q.id));
      patch = { ...patch, follow_up: (current.survey?.follow_up ?? []).filter((f) => ids.has(f.question)) };
    }
    return toSurvey(await this.campaigns.patch(workspaceId, id, surveyColumns(patch, current.survey)));
  }

  remove(workspaceId: string, id: string): Promise<void> {
    return this.campaigns.remove(workspaceId, id, 'survey');
  }
}
