/**
 * Where keyboard focus goes after an edit of an ordered list (a survey's
 * questions, a series' or a tour's steps): to a control of the item just
 * added or moved, or to the list's "Add" button after a removal (the button
 * pressed is gone). Ask with the returned function before the change; focus
 * moves once the list has re-rendered.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';

/** A control of an item (`part`: "type", "up", "down", …), or the list's add button. */
export type ListFocusTarget = { key: number; part: string } | 'add';

export function useListFocus(controlId: (key: number, part: string) => string, addId: string): (target: ListFocusTarget) => void {
  const pending = useRef<ListFocusTarget | null>(null);

  // A layout effect: it runs with the render that made the change, never as a stale effect flushed before the next render.
  useLayoutEffect(() => {
    const target = pending.current;
    if (target === null) return;
    pending.current = null;
    if (target === 'add') return void document.getElementById(addId)?.focus();
    const wanted = document.getElementById(controlId(target.key, target.part)) as HTMLButtonElement | null;
    // At the top (or bottom) the move button just used is disabled: its twin keeps focus on the item.
    const twin = target.part === 'up' ? 'down' : target.part === 'down' ? 'up' : null;
    const other = twin ? document.getElementById(controlId(target.key, twin)) : null;
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  });

  return (target) => {
    pending.current = target;
  };
}
