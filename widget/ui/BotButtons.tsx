/**
 * A bot's question's choices (docs/bots.md): one real `<button>` each under
 * the message, in a group the question labels. Once the visitor has answered
 * — anything they wrote after it — they are disabled. A click sends the label
 * as the visitor's message, with the choice, so the thread reads naturally.
 */
import type { BotButton, Message } from '../../protocol/index.js';

interface Props {
  message: Message & { buttons: BotButton[] };
  answered: boolean;
  onChoose: (message: Message, button: BotButton) => void;
}

export function BotButtons({ message, answered, onChoose }: Props) {
  return (
    <div class="choices" role="group" aria-labelledby={`q-${message.id}`}>
      {message.buttons.map((b) => (
        <button key={b.id} type="button" class="choice" disabled={answered} onClick={() => onChoose(message, b)}>
          {b.label}
        </button>
      ))}
    </div>
  );
}
