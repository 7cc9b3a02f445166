import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('zod under the inbox CSP', () => {
  it('is configured by the entry’s very first import (an import sorter must not move it)', () => {
    const source = readFileSync(new URL('../main.tsx', import.meta.url), 'utf8');
    const firstImport = /^import .*$/m.exec(source)?.[0];
    expect(firstImport).toBe("import { zodJitless } from './host/zod-csp.js';");
    // Used, so a bundler honouring `"sideEffects": false` keeps the module.
    expect(source).toMatch(/zodJitless\)/);
  });
});
