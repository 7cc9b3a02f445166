/**
 * Keyboard behaviour of the question controls.
 *
 * Browsers already move through a radio group with the arrow keys, but not
 * alike: some ignore the writing direction, so in Arabic ← would go "back"
 * along a scale drawn right-to-left. Handling the keys ourselves makes
 * ←/→ follow what is on screen in both directions (↑/↓ are previous/next),
 * wraps like native radios, and behaves the same in every browser.
 */

const STEPS: Record<string, number> = { ArrowUp: -1, ArrowLeft: -1, ArrowDown: 1, ArrowRight: 1 };

/** keydown handler for an element holding one group of radios. */
export function moveInRadioGroup(event: KeyboardEvent): void {
  const target = event.target;
  let step = STEPS[event.key];
  if (!step || event.altKey || event.ctrlKey || event.metaKey) return;
  if (!(target instanceof HTMLInputElement) || target.type !== 'radio') return;
  const group = event.currentTarget as HTMLElement;
  const horizontal = event.key === 'ArrowLeft' || event.key === 'ArrowRight';
  if (horizontal && group.closest('[dir]')?.getAttribute('dir') === 'rtl') step = -step;
  const radios = Array.from(group.querySelectorAll<HTMLInputElement>('input[type=radio]')).filter((r) => r.name === target.name);
  const next = radios[(radios.indexOf(target) + step + radios.length) % radios.length];
  event.preventDefault();
  next.focus();
  // A click checks it and fires `change`, exactly like choosing it with the pointer.
  next.click();
}

/** keydown handler for a text field: Enter answers (Shift+Enter is a new line in a textarea; an IME's Enter is left alone). */
export function submitOnEnter(onSubmit: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    onSubmit();
  };
}
