/**
 * Must be the inbox's first import. zod 4 probes `new Function("")` when its
 * first object schema is built (to compile fast parsers); under the inbox's
 * CSP (`script-src 'self'`, Trusted Types) that probe is blocked and reported
 * as a violation even though zod swallows the error. `jitless` skips the probe;
 * the forms validate a few fields at a time, so the interpreted path is plenty.
 *
 * An export the entry reads, not a bare `import './zod-csp.js'`: the package
 * declares `"sideEffects": false`, so a side-effect-only import is dropped
 * from the bundle.
 */
import { z } from 'zod';

export const zodJitless: boolean = z.config({ jitless: true }).jitless === true;
