/**
 * The picker's own UI: an outline box over the hovered element, a tag with
 * its selector, and a hint bar with a Cancel button. Plain DOM (the picker
 * runs on the author's site without Preact), built with createElement and
 * textContent only, in a shadow root of its own so the site's CSS cannot
 * reach in; positions are written through the CSSOM (fine under a strict CSP).
 */

export interface PickerStrings {
  hint: string;
  cancel: string;
}

export const PICKER_STRINGS: PickerStrings = {
  hint: 'Click the element this step should point at. Arrow keys widen or narrow the choice; Enter picks, Esc cancels.',
  cancel: 'Cancel',
};

const PICKER_CSS = `
:host{all:initial}
.box{position:fixed;top:0;left:0;display:none;box-sizing:border-box;border:2px solid #4f46e5;border-radius:4px;
  background:rgba(79,70,229,.12);box-shadow:0 0 0 1px rgba(255,255,255,.8);pointer-events:none}
.tag{position:fixed;top:0;left:0;display:none;max-width:min(480px,calc(100vw - 16px));padding:3px 8px;border-radius:4px;
  background:#111827;color:#fff;font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;pointer-events:none}
.bar{position:fixed;top:12px;left:50%;transform:translateX(-50%);display:flex;align-items:center;gap:12px;max-width:calc(100vw - 24px);
  padding:8px 8px 8px 16px;border-radius:12px;background:#111827;color:#f9fafb;box-shadow:0 8px 30px rgba(0,0,0,.3);
  font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;pointer-events:auto}
.bar button{min-height:44px;min-width:44px;padding:0 16px;border:0;border-radius:8px;background:#374151;color:#fff;font:inherit;font-weight:600;cursor:pointer}
.bar button:hover{background:#4b5563}
.bar button:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
@media (prefers-reduced-motion:no-preference){.box,.tag{transition:top .08s,left .08s,width .08s,height .08s}}
`;

export interface PickerUi {
  host: HTMLElement;
  cancelButton: HTMLButtonElement;
  /** Outlines `rect` and labels it; null hides both. */
  show(rect: DOMRect | null, label: string): void;
  remove(): void;
}

function adoptCss(root: ShadowRoot, doc: Document): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(PICKER_CSS);
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = doc.createElement('style');
  style.textContent = PICKER_CSS;
  root.appendChild(style);
}

export function createPickerUi(doc: Document, strings: PickerStrings): PickerUi {
  const host = doc.createElement('div');
  host.setAttribute('data-parley-picker', '');
  // On the host itself, so a site rule like `div{position:relative}` cannot win over them.
  for (const [name, value] of [['position', 'fixed'], ['inset', '0'], ['z-index', '2147483647'], ['pointer-events', 'none'], ['display', 'block']])
    host.style.setProperty(name, value, 'important');
  const root = host.attachShadow({ mode: 'open' });
  adoptCss(root, doc);

  const box = doc.createElement('div');
  box.className = 'box';
  const tag = doc.createElement('div');
  tag.className = 'tag';
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'status');
  const hint = doc.createElement('span');
  hint.textContent = strings.hint;
  const cancelButton = doc.createElement('button');
  cancelButton.type = 'button';
  cancelButton.textContent = strings.cancel;
  bar.append(hint, cancelButton);
  root.append(box, tag, bar);
  (doc.body ?? doc.documentElement).appendChild(host);

  return {
    host,
    cancelButton,
    show(rect, label) {
      if (!rect) {
        box.style.display = 'none';
        tag.style.display = 'none';
        return;
      }
      box.style.display = 'block';
      box.style.left = `${rect.left}px`;
      box.style.top = `${rect.top}px`;
      box.style.width = `${rect.width}px`;
      box.style.height = `${rect.height}px`;
      tag.textContent = label;
      tag.style.display = 'block';
      tag.style.left = `${Math.max(4, rect.left)}px`;
      // Above the element when there is room, else just inside its top edge.
      tag.style.top = `${rect.top >= 26 ? rect.top - 24 : Math.max(4, rect.top + 2)}px`;
    },
    remove() {
      host.remove();
    },
  };
}
