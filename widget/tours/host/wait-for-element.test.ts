// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findRendered, waitForElement } from './wait-for-element.js';

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

function add(html: { tag?: string; id?: string; hidden?: boolean }): HTMLElement {
  const el = document.createElement(html.tag ?? 'div');
  if (html.id) el.id = html.id;
  if (html.hidden) el.style.display = 'none';
  document.body.appendChild(el);
  return el;
}

describe('waitForElement', () => {
  it('resolves at once with an element that is already there', async () => {
    const el = add({ id: 'now' });
    await expect(waitForElement('#now', 1000)).resolves.toBe(el);
  });

  it('finds an element inserted later', async () => {
    const found = waitForElement('#late', 5000);
    const el = document.createElement('button');
    el.id = 'late';
    // Inserted deep, as an SPA render would.
    const wrapper = add({});
    await Promise.resolve();
    wrapper.appendChild(el);
    await expect(found).resolves.toBe(el);
  });

  it('waits until a hidden element is rendered (an attribute change shows it)', async () => {
    const el = add({ id: 'hidden', hidden: true });
    expect(findRendered('#hidden')).toBeNull();
    const found = waitForElement('#hidden', 5000);
    let settled = false;
    void found.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    el.style.display = '';
    await expect(found).resolves.toBe(el);
  });

  it('prefers a rendered match over a hidden first one', () => {
    add({ tag: 'nav', hidden: true }).className = 'menu';
    const shown = add({ tag: 'nav' });
    shown.className = 'menu';
    expect(findRendered('.menu')).toBe(shown);
  });

  it('resolves null after the timeout and leaves no timer or observer behind', async () => {
    vi.useFakeTimers();
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const found = waitForElement('#never', 3000);
    expect(vi.getTimerCount()).toBe(2); // the timeout and the poll
    await vi.advanceTimersByTimeAsync(3000);
    await expect(found).resolves.toBeNull();
    expect(vi.getTimerCount()).toBe(0);
    expect(disconnect).toHaveBeenCalled();
    disconnect.mockRestore();
  });

  it('finds an element by the poll when no mutation announces it', async () => {
    vi.useFakeTimers();
    const el = add({ id: 'styled' });
    // Hidden, then shown by something no mutation announces (a stylesheet arriving, a media query).
    let visible = false;
    el.checkVisibility = () => visible;
    const found = waitForElement('#styled', 3000);
    visible = true;
    await vi.advanceTimersByTimeAsync(300);
    await expect(found).resolves.toBe(el);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('resolves null for an invalid selector, never throwing', async () => {
    await expect(waitForElement('[[[', 1000)).resolves.toBeNull();
    await expect(waitForElement('div:nope(', 1000)).resolves.toBeNull();
    expect(findRendered('###')).toBeNull();
  });

  it('resolves null when aborted, and at once when already aborted', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const found = waitForElement('#never', 30_000, controller.signal);
    controller.abort();
    await expect(found).resolves.toBeNull();
    expect(vi.getTimerCount()).toBe(0);
    add({ id: 'there' });
    await expect(waitForElement('#there', 1000, controller.signal)).resolves.toBeNull();
  });
});
