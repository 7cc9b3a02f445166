/**
 * Tours as the REST API sees them (DESIGN.md §2 `tours`), stored as campaigns
 * of format "tour": audience, trigger, schedule and send limit are the in-app
 * messages' own columns, the steps go in `tour`.
 */
import type { CreateTourInput, Tour, UpdateTourInput } from '../../../protocol/index.js';
import { type Campaign, type CampaignFields, type CampaignStore, toColumns } from '../content/campaign-store.js';

export function toTour(c: Campaign): Tour {
  return {
    id: c.id,
    name: c.name,
    steps: c.tour?.steps ?? [],
    audience: c.audience,
    trigger: c.trigger,
    frequency: c.frequency,
    schedule: c.schedule,
    priority: c.priority,
    status: c.status,
    created_at: c.created_at,
    updated_at: c.updated_at,
  };
}

function tourColumns(input: UpdateTourInput, current: Campaign | null): Partial<CampaignFields> {
  const { steps, ...shared } = input;
  return { ...toColumns(shared), format: 'tour', body: '', tour: JSON.stringify({ steps: steps ?? current?.tour?.steps ?? [] }) };
}

export class TourStore {
  constructor(private readonly campaigns: CampaignStore) {}

  async list(workspaceId: string): Promise<Tour[]> {
    return (await this.campaigns.list(workspaceId, 'tour')).map(toTour);
  }

  async get(workspaceId: string, id: string): Promise<Tour> {
    return toTour(await this.campaigns.get(workspaceId, id, 'tour'));
  }

  async create(workspaceId: string, input: CreateTourInput): Promise<Tour> {
    // A tour without a trigger starts as soon as the contact qualifies.
    return toTour(await this.campaigns.insert(workspaceId, tourColumns({ trigger: { on: 'immediate' }, ...input }, null)));
  }

  async update(workspaceId: string, id: string, patch: UpdateTourInput): Promise<Tour> {
    const current = await this.campaigns.get(workspaceId, id, 'tour');
    return toTour(await this.campaigns.patch(workspaceId, id, tourColumns(patch, current)));
  }

  remove(workspaceId: string, id: string): Promise<void> {
    return this.campaigns.remove(workspaceId, id, 'tour');
  }
}
