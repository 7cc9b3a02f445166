/**
 * The choice of an agent among a team's eligible members, as a pure function
 * (the transaction around it lives in `team-pool.ts`).
 *
 * - `round_robin`: members take turns in the team's order, starting after the
 *   one who got the last conversation (the cursor); members who are offline,
 *   away or full are skipped, not queued.
 * - `least_busy`: fewest open conversations assigned; ties go to the one who
 *   has waited longest since their last assignment (never first), then to team order.
 */
export interface Candidate {
  agentId: string;
  /** Place in the team (round-robin order). */
  position: number;
  /** Open conversations assigned now. */
  load: number;
  /** 0 = no limit. */
  capacity: number;
  lastAssignedAt: string | null;
}

export type PickStrategy = 'round_robin' | 'least_busy';

export const hasRoom = (c: Candidate): boolean => c.capacity === 0 || c.load < c.capacity;

/**
 * @param candidates the team's online members (any order)
 * @param cursorPosition team position of the member who got the last conversation by round robin; null: none yet
 */
export function chooseAgent(strategy: PickStrategy, candidates: readonly Candidate[], cursorPosition: number | null): Candidate | null {
  const open = candidates.filter(hasRoom);
  if (open.length === 0) return null;
  if (strategy === 'round_robin') {
    const inOrder = [...open].sort((a, b) => a.position - b.position);
    return (cursorPosition === null ? undefined : inOrder.find((c) => c.position > cursorPosition)) ?? inOrder[0];
  }
  return [...open].sort(byLeastBusy)[0];
}

function byLeastBusy(a: Candidate, b: Candidate): number {
  if (a.load !== b.load) return a.load - b.load;
  // Never assigned sorts first; ISO times compare as strings.
  const at = a.lastAssignedAt ?? '';
  const bt = b.lastAssignedAt ?? '';
  if (at !== bt) return at < bt ? -1 : 1;
  return a.position - b.position;
}
