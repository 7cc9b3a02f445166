/**
 * Text for the `aria-live="polite"` region. Screen readers announce a change of
 * the region's text, so an identical announcement gets a zero-width variation
 * to be read again.
 */
import { signal, type ReadonlySignal } from '@preact/signals';

export interface Announcer {
  text: ReadonlySignal<string>;
  announce(message: string): void;
}

export function createAnnouncer(): Announcer {
  const text = signal('');
  return {
    text,
    announce(message) {
      text.value = text.value === message ? `${message}\u200b` : message;
    },
  };
}
