/**
 * What a bot adds to a message in the agent's thread (docs/bots.md): a bot's
 * question lists the buttons the visitor was offered (not clickable here),
 * and the visitor's answer says it was a button, so the thread reads as the
 * visitor saw it.
 */
import type { Message } from '../../protocol/index.js';
import '../styles/bots.css';

export function BotMessageParts({ message }: { message: Message }) {
  if (message.buttons?.length) {
    return (
      <ul class="bot-buttons" aria-label="Buttons offered">
        {message.buttons.map((b) => (
          <li key={b.id} class="bot-buttons__item">
            {b.label}
          </li>
        ))}
      </ul>
    );
  }
  if (message.choice) return <p class="bot-choice">Chosen with a button</p>;
  return null;
}
