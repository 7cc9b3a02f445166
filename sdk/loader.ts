/**
 * Entry of /sdk.js (the script tag). Installs the real Messenger over the
 * snippet's queue and replays it. The default server is where this file came from.
 */
import { installMessenger } from './instance.js';

try {
  const src = (document.currentScript as HTMLScriptElement | null)?.src;
  installMessenger(src ? new URL(src).origin : location.origin);
} catch (err) {
  console.warn('[parley] could not start', err);
}
