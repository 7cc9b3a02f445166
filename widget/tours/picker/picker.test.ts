// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPicker } from './picker.js';

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

let save: HTMLButtonElement;
let pageClicks: number;
const countClick = () => (pageClicks += 1);

beforeEach(() => {
  pageClicks = 0;
  const form = document.createElement('form');
  form.id = 'profile';
  save = document.createElement('button');
  save.type = 'button';
  save.textContent = 'Save changes';
  save.addEventListener('click', countClick);
  const name = document.createElement('input');
  name.name = 'full-name';
  form.append(name, save);
  // Another button elsewhere: "button" alone would not be unique.
  const help = document.createElement('button');
  help.textContent = 'Help';
  document.body.append(form, help);
});
const running: Array<() => void> = [];
afterEach(() => {
  // A failed test must not leave a picker swallowing the next test's clicks.
  for (const stop of running.splice(0)) stop();
  document.body.replaceChildren();
});

function start() {
  const onPick = vi.fn<(selector: string, label: string) => void>();
  const onCancel = vi.fn();
  const stop = startPicker({ onPick, onCancel });
  running.push(stop);
  const host = document.querySelector('[data-parley-picker]') as HTMLElement;
  return { onPick, onCancel, stop, host, shadow: host.shadowRoot as ShadowRoot };
}

describe('startPicker', () => {
  it('outlines the hovered element and labels it with its selector', async () => {
    const { shadow, stop } = start();
    save.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true }));
    await frame();
    const tag = shadow.querySelector('.tag') as HTMLElement;
    expect(tag.textContent).toBe('#profile button');
    expect(tag.style.display).toBe('block');
    expect((shadow.querySelector('.box') as HTMLElement).style.display).toBe('block');
    stop();
  });

  it('a click picks the element, and the site never sees it', () => {
    const { onPick, host } = start();
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    save.dispatchEvent(click);
    expect(onPick).toHaveBeenCalledWith('#profile button', 'Save changes');
    expect(pageClicks).toBe(0);
    expect(click.defaultPrevented).toBe(true);
    // Picking stops the picker: its UI is gone and the page works again.
    expect(host.isConnected).toBe(false);
    save.click();
    expect(pageClicks).toBe(1);
  });

  it('Esc cancels; its own Cancel button cancels too', () => {
    let picker = start();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect(picker.onCancel).toHaveBeenCalledOnce();
    expect(picker.onPick).not.toHaveBeenCalled();
    expect(picker.host.isConnected).toBe(false);
    picker = start();
    (picker.shadow.querySelector('button') as HTMLButtonElement).click();
    expect(picker.onCancel).toHaveBeenCalledOnce();
    expect(picker.onPick).not.toHaveBeenCalled();
  });

  it('by keyboard: focus highlights, ArrowUp widens, Enter picks without pressing the button', () => {
    const { onPick } = start();
    save.focus();
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, cancelable: true }));
    save.dispatchEvent(enter);
    expect(onPick).toHaveBeenCalledWith('#profile', 'Save changes');
    expect(enter.defaultPrevented).toBe(true);
    expect(pageClicks).toBe(0);
  });

  it('stop() removes its UI and listeners without calling back', () => {
    const { stop, onCancel, host } = start();
    stop();
    stop();
    expect(host.isConnected).toBe(false);
    save.click();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(pageClicks).toBe(1);
    expect(onCancel).not.toHaveBeenCalled();
  });
});
