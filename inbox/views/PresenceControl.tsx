/**
 * The signed-in agent's own status in the top bar: online or away (offline
 * is having no inbox open, so it shows but can't be chosen). Changes made in
 * another tab arrive by the socket and are announced by the presence store.
 */
import type { AgentPresence } from '../../protocol/index.js';
import { PRESENCE_LABELS } from '../state/assignment-labels.js';
import { useInbox } from './inbox-context.js';
import '../styles/presence.css';

export function PresenceControl() {
  const { presence } = useInbox();
  const mine = presence.mine.value;
  const saving = presence.saving.value;
  const shown: AgentPresence = mine ?? 'offline';
  return (
    <div class="presence-control">
      <span class={`presence presence--${shown}`} aria-hidden="true">
        <span class="presence__dot" />
      </span>
      <label class="visually-hidden" for="my-presence">
        Your status
      </label>
      <select
        id="my-presence"
        class="select presence-control__select"
        value={shown}
        aria-busy={saving}
        onChange={(event) => {
          const choice = event.currentTarget.value;
          if (choice === 'online' || choice === 'away') void presence.setMine(choice);
        }}
      >
        <option value="online">{PRESENCE_LABELS.online}</option>
        <option value="away">{PRESENCE_LABELS.away}</option>
        {shown === 'offline' && (
          <option value="offline" disabled>
            {mine === null ? 'Status unknown' : PRESENCE_LABELS.offline}
          </option>
        )}
      </select>
    </div>
  );
}
