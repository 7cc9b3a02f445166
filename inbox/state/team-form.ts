/**
 * Small rules of the teams and agents settings: a member checked joins the
 * end of the round-robin order, unchecked leaves it; a team name is needed
 * and unique (as the server will insist); a capacity is a whole number 0–1 000.
 */
import { TEAM_LIMITS, type Team } from '../../protocol/index.js';

/** Checking an agent adds them last in the round-robin order; the others keep their turns. */
export function toggleMember(memberIds: readonly string[], agentId: string, member: boolean): string[] {
  const without = memberIds.filter((id) => id !== agentId);
  return member ? [...without, agentId] : without;
}

/** Why a name can't be saved, or '' when it can. */
export function teamNameProblem(name: string, teams: readonly Pick<Team, 'id' | 'name'>[], selfId: string | null): string {
  const trimmed = name.trim();
  if (!trimmed) return 'Give the team a name.';
  if (trimmed.length > TEAM_LIMITS.name) return `At most ${TEAM_LIMITS.name} characters.`;
  if (teams.some((t) => t.id !== selfId && t.name.trim().toLowerCase() === trimmed.toLowerCase())) return `There is already a team called “${trimmed}”.`;
  return '';
}

/** The capacity typed, or a message. */
export function capacityFromText(text: string): { ok: true; value: number } | { ok: false; error: string } {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || value > TEAM_LIMITS.capacity) return { ok: false, error: `Enter a whole number from 0 (no limit) to ${TEAM_LIMITS.capacity.toLocaleString('en')}.` };
  return { ok: true, value };
}

/** "Ada, Grace and 2 more" — a team's members in a line. */
export function memberNames(memberIds: readonly string[], names: ReadonlyMap<string, string>, shown = 3): string {
  if (memberIds.length === 0) return 'No members';
  const known = memberIds.map((id) => names.get(id) ?? 'Unknown agent');
  if (known.length <= shown) return known.length === 1 ? known[0] : `${known.slice(0, -1).join(', ')} and ${known[known.length - 1]}`;
  return `${known.slice(0, shown).join(', ')} and ${known.length - shown} more`;
}
