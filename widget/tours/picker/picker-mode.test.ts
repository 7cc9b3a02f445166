// @vitest-environment happy-dom
/** Picker mode: the token from the fragment, the server's word on it, and the answer posted to the inbox only. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ack } from '../../../protocol/ack.js';
import type { PickerMessage } from '../../../protocol/tours/models.js';
import { pickerToken, runPickerMode } from './picker-mode.js';

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

function page() {
  const save = document.createElement('button');
  save.id = 'save-settings';
  save.textContent = 'Save';
  document.body.append(save);
  history.replaceState(null, '', '/settings#parley-picker=tok.en');
  const posted: Array<[PickerMessage, string]> = [];
  vi.stubGlobal('opener', { postMessage: (message: PickerMessage, origin: string) => posted.push([message, origin]) });
  return { save, posted };
}

describe('picker mode', () => {
  it('reads the token from the fragment', () => {
    expect(pickerToken('#parley-picker=abc.def')).toBe('abc.def');
    expect(pickerToken('#other')).toBeNull();
    expect(pickerToken('#parley-picker=')).toBeNull();
  });

  it('picks only once the server vouches for the token, then posts the selector to the Parley origin alone', async () => {
    const { save, posted } = page();
    const request = vi.fn(async (): Promise<Ack<unknown>> => ({ ok: true, data: { ok: true } }));
    await runPickerMode({ token: 'tok.en', serverOrigin: 'https://parley.example.com', request, onError: () => {} });
    expect(request).toHaveBeenCalledWith('tour:picker', { token: 'tok.en' }, expect.any(Number));
    // The token is gone from the address bar.
    expect(location.hash).toBe('');
    save.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(posted).toEqual([[{ type: 'parley:picked', selector: '#save-settings', label: expect.any(String) }, 'https://parley.example.com']]);
  });

  it('does nothing on the page when the token is refused, and says why', async () => {
    const { posted } = page();
    const onError = vi.fn();
    const request = async (): Promise<Ack<unknown>> => ({ ok: false, error: { code: 'unauthorized', message: 'invalid or expired picker token' } });
    await runPickerMode({ token: 'forged', serverOrigin: 'https://parley.example.com', request, onError });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringMatching(/invalid or expired/) }));
    expect(document.querySelector('[data-parley-picker]')).toBeNull();
    expect(posted).toEqual([]);
  });
});
