/** The words for strategies, priorities, presences and capacities, shared by the settings, AssignControl and the reports. */
import type { AgentPresence, AgentProfile, AssignmentStrategy, Priority } from '../../protocol/index.js';

export const STRATEGY_LABELS: Record<AssignmentStrategy, string> = {
  round_robin: 'Round robin',
  least_busy: 'Least busy',
  manual: 'Manual (stays with the team)',
};

export const PRIORITY_LABELS: Record<Priority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

export const PRESENCE_LABELS: Record<AgentPresence, string> = {
  online: 'Online',
  away: 'Away',
  offline: 'Offline',
};

/** "3 of 5 open", "3 open, no limit", "At capacity: 5 of 5 open"; empty when the roster says nothing. */
export function capacityText(agent: Pick<AgentProfile, 'capacity' | 'open_assigned'>): string {
  const open = agent.open_assigned;
  if (typeof open !== 'number') return '';
  const capacity = agent.capacity ?? 0;
  if (capacity <= 0) return `${open} open, no limit`;
  return open >= capacity ? `At capacity: ${open} of ${capacity} open` : `${open} of ${capacity} open`;
}

/** Automatic assignment skips an agent whose open conversations reached their capacity (0 = no limit). */
export function isAtCapacity(agent: Pick<AgentProfile, 'capacity' | 'open_assigned'>): boolean {
  const capacity = agent.capacity ?? 0;
  return capacity > 0 && (agent.open_assigned ?? 0) >= capacity;
}
