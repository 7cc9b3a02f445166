/**
 * The keys of a suggestion list that stays attached to a text field (the
 * combobox pattern): focus never leaves the field, the arrows move the active
 * option (wrapping), Enter or Tab picks it, Escape closes the list. `active`
 * is -1 while no option is active; a pick then says -1 and the caller decides
 * (a tag field adds what was typed).
 */
export type ListboxAction = { type: 'move'; index: number } | { type: 'pick'; index: number } | { type: 'close' } | null;

export function listboxAction(key: string, active: number, count: number): ListboxAction {
  if (count === 0) return key === 'Escape' ? { type: 'close' } : null;
  switch (key) {
    case 'ArrowDown':
      return { type: 'move', index: (active + 1) % count };
    case 'ArrowUp':
      return { type: 'move', index: active <= 0 ? count - 1 : active - 1 };
    case 'Enter':
    case 'Tab':
      return { type: 'pick', index: active < count ? active : -1 };
    case 'Escape':
      return { type: 'close' };
    default:
      return null;
  }
}
