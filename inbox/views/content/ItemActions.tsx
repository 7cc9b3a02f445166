/**
 * "Move up", "Move down" and "Remove" of one item of an ordered list (a
 * question, a step). Each button's name ends with the item ("Move up step
 * 2", visually hidden), and the move buttons' ids end in `up` / `down` for
 * `useListFocus`.
 */
export interface ItemActionsProps {
  /** The row's class, e.g. "series-step__actions". */
  class: string;
  /** The id of a control of this item: `controlId('up')`. */
  controlId(part: 'up' | 'down'): string;
  /** "step 2", "question 1": said after each button's name. */
  item: string;
  index: number;
  count: number;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
  /** A list that may not be empty keeps its last item. */
  keepLast?: boolean;
  /** Remove is drawn as a dangerous action. */
  danger?: boolean;
}

export function ItemActions({ class: className, controlId, item, index, count, onMove, onRemove, keepLast, danger }: ItemActionsProps) {
  const of = <span class="visually-hidden"> {item}</span>;
  return (
    <div class={className}>
      <button type="button" id={controlId('up')} class="button button--ghost" disabled={index === 0} onClick={() => onMove(-1)}>
        Move up{of}
      </button>
      <button type="button" id={controlId('down')} class="button button--ghost" disabled={index === count - 1} onClick={() => onMove(1)}>
        Move down{of}
      </button>
      <button type="button" class={danger ? 'button button--ghost button--danger' : 'button button--ghost'} disabled={keepLast === true && count === 1} onClick={onRemove}>
        Remove{of}
      </button>
    </div>
  );
}
