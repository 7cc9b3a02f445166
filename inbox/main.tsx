/**
 * Entry of the agent inbox (served at /inbox/). Builds the HTTP client and the
 * session, then renders. No inline script or style anywhere: the page runs
 * under `script-src 'self'; style-src 'self'`.
 */
// First, before any module that builds a zod schema (checked by host/zod-csp.test.ts).
import { zodJitless } from './host/zod-csp.js';
import { render } from 'preact';
import { createInboxApi } from './api/endpoints.js';
import { createHttpClient } from './api/http.js';
import { createSession, type Session } from './state/session.js';
import { App } from './views/App.js';
import './styles/base.css';

// The HTTP client reports 401s to the session, which is built from the client: tie the knot lazily.
let session: Session | null = null;
const http = createHttpClient({ onUnauthorized: () => session?.expire() });
const api = createInboxApi(http);
session = createSession(api, http);

const root = document.getElementById('app');
// Read so the bundler keeps the module that sets it (see zod-csp.ts).
root?.toggleAttribute('data-zod-jitless', zodJitless);
if (root) {
  render(<App session={session} api={api} />, root);
  void session.restore();
}
