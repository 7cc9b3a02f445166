/**
 * "Pick an element on your site": the authoring half of tour steps. Runs on
 * the author's own site (opened from the inbox's tour editor) and hands back
 * a selector for the element they chose, built by `stableSelector`.
 *
 * While it runs, the page is inert to the pointer: every press and click is
 * caught in the capture phase on `window` (before any of the site's
 * handlers), its default prevented and its propagation stopped, so choosing
 * a "Delete" button deletes nothing. The keyboard works too: Tab moves focus
 * through the page as usual and the focused element is highlighted, ArrowUp /
 * ArrowDown widen to the parent or narrow to the first child, Enter picks,
 * Esc cancels. The picker's own UI (in its own shadow root) is ignored.
 *
 * @example
 * const stop = startPicker({
 *   onPick: (selector, label) => send({ selector, label }),
 *   onCancel: () => send(null),
 * });
 */
import { describeElement } from './describe-element.js';
import { createPickerUi, PICKER_STRINGS, type PickerStrings } from './picker-ui.js';
import { stableSelector } from './stable-selector.js';

export type { PickerStrings } from './picker-ui.js';

export interface PickerOptions {
  /** The chosen element's selector and a short human name for it. The picker has stopped by then. */
  onPick(selector: string, label: string): void;
  /** Esc or the Cancel button. Not called when the caller stops the picker itself. */
  onCancel(): void;
  strings?: Partial<PickerStrings>;
  /** The document to pick in (default: this one). */
  document?: Document;
}

const BLOCKED_POINTER = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'dblclick', 'auxclick'] as const;
/** Not preventDefault-ed: that would cancel the click a tap produces (and need non-passive touch listeners). */
const STOPPED_TOUCH = ['touchstart', 'touchend'] as const;

function isElement(target: EventTarget | null | undefined): target is Element {
  return typeof target === 'object' && target !== null && (target as Node).nodeType === 1;
}

/** Starts picking; returns `stop()` (idempotent, no callback). */
export function startPicker(opts: PickerOptions): () => void {
  const doc = opts.document ?? document;
  const win = doc.defaultView ?? window;
  const ui = createPickerUi(doc, { ...PICKER_STRINGS, ...opts.strings });
  let current: Element | null = null;
  let currentSelector = '';
  let frame = 0;
  let stopped = false;

  const own = (event: Event) => event.composedPath().includes(ui.host);
  // The whole page is not a useful anchor: pointing at nothing in particular hides the box.
  const pickable = (target: EventTarget | null | undefined): target is Element =>
    isElement(target) && target !== doc.documentElement && target !== doc.body && target !== ui.host;

  const draw = () => {
    frame = 0;
    if (!current?.isConnected) ui.show(null, '');
    else ui.show(current.getBoundingClientRect(), currentSelector);
  };
  const schedule = () => {
    if (!frame && !stopped) frame = win.requestAnimationFrame(draw);
  };
  const highlight = (target: Element | null) => {
    if (target !== current) {
      current = target;
      // Once per element, not per frame: it runs a few querySelectorAll.
      currentSelector = target ? stableSelector(target, doc) : '';
    }
    schedule();
  };
  const halt = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  const pick = (target: Element) => {
    const selector = current === target ? currentSelector : stableSelector(target, doc);
    const label = describeElement(target);
    stop();
    opts.onPick(selector, label);
  };
  const cancel = () => {
    stop();
    opts.onCancel();
  };

  const onMove = (event: Event) => {
    if (!own(event)) highlight(pickable(event.target) ? event.target : null);
  };
  const onPress = (event: Event) => {
    if (own(event)) return;
    halt(event);
    // A tap has no hover before it: show what is being pressed.
    if (event.type === 'pointerdown') highlight(pickable(event.target) ? event.target : null);
  };
  const onClick = (event: Event) => {
    if (own(event)) return;
    halt(event);
    if (pickable(event.target)) pick(event.target);
  };
  const onTouch = (event: Event) => {
    if (!own(event)) event.stopImmediatePropagation();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      halt(event);
      cancel();
      return;
    }
    // Our Cancel button is a button like any other.
    if (own(event)) return;
    if (event.key === 'Enter' || event.key === ' ') {
      // Nor may the keyboard press the focused element of the site.
      halt(event);
      if (event.key === 'Enter' && current) pick(current);
    } else if (event.key === 'ArrowUp' && current) {
      halt(event);
      if (pickable(current.parentElement)) highlight(current.parentElement);
    } else if (event.key === 'ArrowDown' && current) {
      halt(event);
      if (current.firstElementChild) highlight(current.firstElementChild);
    }
  };
  const onKeyUp = (event: KeyboardEvent) => {
    // Buttons activate on the keyup of Space.
    if (!own(event) && (event.key === 'Enter' || event.key === ' ')) halt(event);
  };
  const onFocus = (event: Event) => {
    if (!own(event) && pickable(event.target)) highlight(event.target);
  };

  const capture = { capture: true };
  const passive = { capture: true, passive: true };
  win.addEventListener('pointermove', onMove, passive);
  for (const type of BLOCKED_POINTER) win.addEventListener(type, onPress, capture);
  for (const type of STOPPED_TOUCH) win.addEventListener(type, onTouch, passive);
  win.addEventListener('click', onClick, capture);
  win.addEventListener('keydown', onKeyDown, capture);
  win.addEventListener('keyup', onKeyUp, capture);
  win.addEventListener('focusin', onFocus, capture);
  win.addEventListener('scroll', schedule, passive);
  win.addEventListener('resize', schedule, passive);
  ui.cancelButton.addEventListener('click', cancel);

  // A keyboard user starts from wherever focus already is.
  if (pickable(doc.activeElement)) highlight(doc.activeElement);

  function stop(): void {
    if (stopped) return;
    stopped = true;
    win.removeEventListener('pointermove', onMove, passive);
    for (const type of BLOCKED_POINTER) win.removeEventListener(type, onPress, capture);
    for (const type of STOPPED_TOUCH) win.removeEventListener(type, onTouch, passive);
    win.removeEventListener('click', onClick, capture);
    win.removeEventListener('keydown', onKeyDown, capture);
    win.removeEventListener('keyup', onKeyUp, capture);
    win.removeEventListener('focusin', onFocus, capture);
    win.removeEventListener('scroll', schedule, passive);
    win.removeEventListener('resize', schedule, passive);
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
    ui.remove();
  }
  return stop;
}
