/**
 * An agent's presence: a dot whose shape differs too (filled online, half
 * away, hollow offline), always with the word, so colour is never the only
 * sign. `label: 'hidden'` keeps the word for screen readers only (beside a
 * name that already says enough on screen).
 */
import type { AgentPresence } from '../../protocol/index.js';
import { PRESENCE_LABELS } from '../state/assignment-labels.js';
import '../styles/presence.css';

export function PresenceDot({ presence, label = 'visible' }: { presence: AgentPresence; label?: 'visible' | 'hidden' }) {
  return (
    <span class={`presence presence--${presence}`}>
      <span class="presence__dot" aria-hidden="true" />
      <span class={label === 'visible' ? 'presence__label' : 'visually-hidden'}>{PRESENCE_LABELS[presence]}</span>
    </span>
  );
}
