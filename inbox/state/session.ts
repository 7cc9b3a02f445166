/**
 * Who is logged in. The session cookie is httpOnly, so the app learns it is
 * logged in only by asking (`/auth/me`) and learns it is logged out when any
 * call answers 401 (`expire`). The CSRF token lives only in memory.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { AgentProfile } from '../../protocol/index.js';
import type { InboxApi } from '../api/endpoints.js';
import { ApiError, type HttpClient } from '../api/http.js';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; notice: string | null }
  | { status: 'signed-in'; agent: AgentProfile };

export interface Session {
  state: ReadonlySignal<SessionState>;
  restore(): Promise<void>;
  /** Resolves with the error text to show, or null when logged in. */
  login(email: string, password: string): Promise<string | null>;
  logout(): Promise<void>;
  /** The server said 401 to some call: the session ended elsewhere (expiry, logout in another tab). */
  expire(): void;
}

export function createSession(api: InboxApi, http: Pick<HttpClient, 'setCsrfToken'>): Session {
  const state = signal<SessionState>({ status: 'loading' });

  function signIn(agent: AgentProfile, csrfToken: string): void {
    http.setCsrfToken(csrfToken);
    state.value = { status: 'signed-in', agent };
  }

  function signOut(notice: string | null): void {
    http.setCsrfToken(null);
    state.value = { status: 'signed-out', notice };
  }

  return {
    state,
    async restore() {
      try {
        const { agent, csrfToken } = await api.me();
        signIn(agent, csrfToken);
      } catch (error) {
        const unreachable = error instanceof ApiError && error.status !== 401;
        signOut(unreachable ? error.message : null);
      }
    },
    async login(email, password) {
      try {
        const { agent, csrfToken } = await api.login(email, password);
        signIn(agent, csrfToken);
        return null;
      } catch (error) {
        return loginErrorText(error);
      }
    },
    async logout() {
      try {
        await api.logout();
      } catch {
        // Logging out locally matters more than the server's answer; the cookie expires anyway.
      }
      signOut(null);
    },
    expire() {
      if (state.value.status === 'signed-in') signOut('Your session has ended. Please log in again.');
    },
  };
}

export function loginErrorText(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  switch (error.code) {
    case 'unauthorized':
      return 'Incorrect email or password.';
    case 'rate_limited':
      return 'Too many attempts. Please wait a minute and try again.';
    case 'validation_failed':
    case 'bad_request':
      return 'Enter a valid email address and your password.';
    default:
      return error.message;
  }
}
