import { useEffect, useRef, useState } from 'preact/hooks';
import type { Strings } from '../i18n/index.js';

/** A small set that covers most support chats; a full picker would cost more than the whole widget. */
const EMOJI = ['😀', '😂', '😊', '😍', '🤔', '😅', '😢', '😡', '👍', '👎', '👏', '🙏', '🎉', '❤️', '🔥', '✅', '❌', '⚠️', '👋', '💡', '📎', '🚀', '⭐', '☕'];

interface Props {
  strings: Strings;
  onPick: (emoji: string) => void;
}

/** The composer's emoji button: a grid of buttons, arrow keys move, Escape closes and returns focus. */
export function EmojiPicker({ strings, onPick }: Props) {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const grid = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) grid.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const buttons = [...(grid.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = buttons.indexOf(e.target as HTMLButtonElement);
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: 6, ArrowUp: -6 }[e.key];
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
    } else if (step !== undefined && at >= 0) {
      e.preventDefault();
      // In RTL the visual left/right are swapped.
      const rtl = getComputedStyle(e.target as Element).direction === 'rtl' && Math.abs(step) === 1;
      buttons[(at + (rtl ? -step : step) + buttons.length) % buttons.length]?.focus();
    }
  };

  return (
    <div class="emoji">
      <button ref={toggle} type="button" class="icon-btn emoji-toggle" aria-label={strings.emoji} aria-expanded={open} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">🙂</span>
      </button>
      {open && (
        <div class="emoji-grid" role="group" aria-label={strings.emoji} ref={grid} onKeyDown={onKeyDown}>
          {EMOJI.map((e) => (
            <button
              key={e}
              type="button"
              onClick={() => {
                onPick(e);
                close();
              }}
            >
              {e}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
