import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/http.js';
import { fakeApi } from '../test-support/fake-api.js';
import { createSession, loginErrorText } from './session.js';

const agent = { id: 'a1', email: 'ada@example.com', name: 'Ada', role: 'admin' as const };

describe('createSession', () => {
  it('restores a session and keeps the CSRF token for the HTTP client', async () => {
    const http = { setCsrfToken: vi.fn() };
    const session = createSession(fakeApi({ me: async () => ({ agent, csrfToken: 'csrf' }) }), http);
    expect(session.state.value.status).toBe('loading');
    await session.restore();
    expect(session.state.value).toEqual({ status: 'signed-in', agent });
    expect(http.setCsrfToken).toHaveBeenCalledWith('csrf');
  });

  it('shows the login form quietly on 401, with a notice when the server is unreachable', async () => {
    const unauthorized = createSession(
      fakeApi({ me: () => Promise.reject(new ApiError(401, 'unauthorized', 'no')) }),
      { setCsrfToken: vi.fn() },
    );
    await unauthorized.restore();
    expect(unauthorized.state.value).toEqual({ status: 'signed-out', notice: null });

    const offline = createSession(
      fakeApi({ me: () => Promise.reject(new ApiError(0, 'network_error', 'Cannot reach the server.')) }),
      { setCsrfToken: vi.fn() },
    );
    await offline.restore();
    expect(offline.state.value).toEqual({ status: 'signed-out', notice: 'Cannot reach the server.' });
  });

  it('logs in, then expires on a later 401, then logs out', async () => {
    const http = { setCsrfToken: vi.fn() };
    const session = createSession(
      fakeApi({ login: async () => ({ agent, csrfToken: 't' }), logout: () => Promise.reject(new Error('offline')) }),
      http,
    );
    expect(await session.login('ada@example.com', 'pw')).toBeNull();
    expect(session.state.value.status).toBe('signed-in');
    session.expire();
    expect(session.state.value).toMatchObject({ status: 'signed-out', notice: expect.stringContaining('ended') });
    await session.login('ada@example.com', 'pw');
    await session.logout();
    expect(session.state.value).toEqual({ status: 'signed-out', notice: null });
    expect(http.setCsrfToken).toHaveBeenLastCalledWith(null);
  });

  it('returns readable login errors', async () => {
    const session = createSession(
      fakeApi({ login: () => Promise.reject(new ApiError(401, 'unauthorized', 'Invalid credentials')) }),
      { setCsrfToken: vi.fn() },
    );
    expect(await session.login('x@y.z', 'bad')).toBe('Incorrect email or password.');
    expect(loginErrorText(new ApiError(429, 'rate_limited', ''))).toMatch(/Too many attempts/);
    expect(loginErrorText(new ApiError(0, 'network_error', 'Cannot reach the server.'))).toBe('Cannot reach the server.');
    expect(loginErrorText('weird')).toMatch(/Something went wrong/);
  });
});
