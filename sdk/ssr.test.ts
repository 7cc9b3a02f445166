// @vitest-environment node
import { describe, expect, it } from 'vitest';

describe('parley/sdk on the server (SSR)', () => {
  it('imports without a window and does nothing', async () => {
    const { Messenger } = await import('./index.js');
    expect(typeof window).toBe('undefined');
    expect(() => {
      Messenger.boot({ appId: 'demo' });
      Messenger.track('x');
      Messenger.identify('u');
      Messenger.show();
      Messenger.shutdown();
    }).not.toThrow();
  });
});
