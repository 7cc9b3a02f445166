/**
 * One bot in the list: its place, name and summary (trigger, audience,
 * steps), whether it runs, and — for admins — Move up / Move down, Edit,
 * Delete. Buttons are named after the bot for screen readers; the section
 * keeps a ref to each so focus can follow.
 */
import type { Bot } from '../../../protocol/index.js';
import { botSummary, STEP_LABELS } from '../../state/bot-form.js';
import { ConfirmDelete } from '../content/ConfirmDelete.js';

export interface BotCardProps {
  bot: Bot;
  index: number;
  count: number;
  canEdit: boolean;
  /** Registers a control for focus (`<bot id>:<control>`). */
  controlRef(key: string): (el: HTMLElement | null) => void;
  onToggle(enabled: boolean): void;
  onMove(delta: -1 | 1): void;
  onEdit(): void;
  onDelete(): Promise<void>;
}

export function BotCard({ bot, index, count, canEdit, controlRef, onToggle, onMove, onEdit, onDelete }: BotCardProps) {
  return (
    <article class={`rule-card${bot.enabled ? '' : ' rule-card--disabled'}`} aria-labelledby={`bot-${bot.id}-name`}>
      <div class="rule-card__head">
        <span class="rule-card__position" aria-hidden="true">
          {index + 1}
        </span>
        <h3 id={`bot-${bot.id}-name`} class="rule-card__name">
          <span class="visually-hidden">Bot {index + 1}: </span>
          {bot.name}
        </h3>
        {canEdit ? (
          <label class="settings__choice rule-card__enabled">
            <input ref={controlRef(`${bot.id}:enabled`)} type="checkbox" checked={bot.enabled} onChange={(e) => onToggle(e.currentTarget.checked)} />
            Enabled<span class="visually-hidden"> ({bot.name})</span>
          </label>
        ) : (
          <span class={`status-badge${bot.enabled ? ' status-badge--live' : ''}`}>{bot.enabled ? 'Enabled' : 'Disabled'}</span>
        )}
      </div>
      <p class="rule-card__summary">{botSummary(bot)}</p>
      <ol class="bot-card__steps">
        {bot.steps.map((step) => (
          <li key={step.id}>{'body' in step ? `${STEP_LABELS[step.type]}: “${step.body}”` : STEP_LABELS[step.type]}</li>
        ))}
      </ol>
      {canEdit && (
        <div class="rule-card__actions">
          <button ref={controlRef(`${bot.id}:up`)} type="button" class="button button--ghost" aria-disabled={index === 0 ? 'true' : undefined} onClick={() => onMove(-1)}>
            Move up<span class="visually-hidden"> {bot.name}</span>
          </button>
          <button ref={controlRef(`${bot.id}:down`)} type="button" class="button button--ghost" aria-disabled={index === count - 1 ? 'true' : undefined} onClick={() => onMove(1)}>
            Move down<span class="visually-hidden"> {bot.name}</span>
          </button>
          <button ref={controlRef(`${bot.id}:edit`)} type="button" class="button" onClick={onEdit}>
            Edit<span class="visually-hidden"> {bot.name}</span>
          </button>
          <ConfirmDelete thing="bot" name={bot.name} onConfirm={onDelete} />
        </div>
      )}
    </article>
  );
}
