/** The report's period (last 7/30/90 days or custom dates), team, agent and time zone; every change applies at once. */
import type { AgentProfile, Team } from '../../../protocol/index.js';
import { RANGE_LABELS, RANGE_PRESETS, type RangePreset, type ReportFilters } from '../../state/report-range.js';
import { TimeZoneField } from '../TimeZoneField.js';

export interface ReportFiltersFormProps {
  filters: ReportFilters;
  onChange(filters: ReportFilters): void;
  teams: readonly Pick<Team, 'id' | 'name'>[];
  agents: readonly Pick<AgentProfile, 'id' | 'name'>[];
  /** Why the custom dates are no period, if they aren't. */
  rangeError: string;
}

export function ReportFiltersForm({ filters, onChange, teams, agents, rangeError }: ReportFiltersFormProps) {
  const set = (change: Partial<ReportFilters>) => onChange({ ...filters, ...change });
  const custom = filters.preset === 'custom';
  return (
    <form class="results-filters report-filters" aria-label="Report filters" onSubmit={(e) => e.preventDefault()}>
      <div class="field">
        <label class="field__label field__label--small" for="report-period">
          Period
        </label>
        <select id="report-period" class="select" value={filters.preset} onChange={(e) => set({ preset: e.currentTarget.value as RangePreset })}>
          {RANGE_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {RANGE_LABELS[preset]}
            </option>
          ))}
        </select>
      </div>
      {custom && (
        <>
          <div class="field">
            <label class="field__label field__label--small" for="report-from">
              From
            </label>
            <input
              id="report-from"
              class="input"
              type="date"
              value={filters.from}
              max={filters.to || undefined}
              aria-invalid={rangeError ? true : undefined}
              aria-describedby={rangeError ? 'report-range-error' : undefined}
              onChange={(e) => set({ from: e.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label class="field__label field__label--small" for="report-to">
              To
            </label>
            <input
              id="report-to"
              class="input"
              type="date"
              value={filters.to}
              min={filters.from || undefined}
              aria-invalid={rangeError ? true : undefined}
              aria-describedby={rangeError ? 'report-range-error' : undefined}
              onChange={(e) => set({ to: e.currentTarget.value })}
            />
          </div>
        </>
      )}
      <div class="field">
        <label class="field__label field__label--small" for="report-team">
          Team
        </label>
        <select id="report-team" class="select" value={filters.teamId} onChange={(e) => set({ teamId: e.currentTarget.value })}>
          <option value="">All teams</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label class="field__label field__label--small" for="report-agent">
          Agent
        </label>
        <select id="report-agent" class="select" value={filters.agentId} onChange={(e) => set({ agentId: e.currentTarget.value })}>
          <option value="">All agents</option>
          {agents.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name}
            </option>
          ))}
        </select>
      </div>
      <div class="report-filters__zone">
        <TimeZoneField id="report-tz" label="Time zone" value={filters.tz} onChange={(tz) => set({ tz })} />
      </div>
      {custom && rangeError && (
        <p class="field__error report-filters__error" id="report-range-error">
          {rangeError}
        </p>
      )}
    </form>
  );
}
