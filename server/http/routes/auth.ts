/** Agent login/logout/me. The session lives in an httpOnly SameSite=Strict cookie; the CSRF token is handed to the app. */
import { Router } from 'express';
import { loginSchema } from '../../../protocol/index.js';
import { type Domain, ParleyError, toAgentProfile, validate } from '../../domain/index.js';
import { isSameOrigin, readCookie, SESSION_COOKIE } from '../auth/index.js';
import type { LimiterFactory } from '../../scale/index.js';
import { rateLimit } from '../rate-limit/index.js';

export function authRoutes(domain: Domain, publicUrl: string, limiters: LimiterFactory): Router {
  const router = Router();
  const secure = publicUrl.startsWith('https://');

  router.post(
    '/login',
    rateLimit(limiters, { name: 'login', points: 10, durationSec: 60, key: (req) => req.ip ?? '' }),
    async (req, res) => {
      if (req.headers.origin && !isSameOrigin(req, publicUrl)) throw new ParleyError('origin_not_allowed', 'cross-origin login refused');
      const { email, password } = validate(loginSchema, req.body);
      const agent = await domain.agents.authenticate(email, password);
      const session = await domain.agents.openSession(agent);
      res.cookie(SESSION_COOKIE, session.cookieValue, {
        httpOnly: true,
        sameSite: 'strict',
        secure,
        path: '/',
        expires: session.expiresAt,
      });
      res.json({ agent: toAgentProfile(agent), csrfToken: session.csrfToken });
    },
  );

  router.get('/me', async (req, res) => {
    const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
    const session = cookie ? await domain.agents.session(cookie) : null;
    if (!session) throw new ParleyError('unauthorized', 'log in first');
    res.json({ agent: toAgentProfile(session.agent), csrfToken: session.csrfToken });
  });

  router.post('/logout', async (req, res) => {
    const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (cookie) {
      if (!isSameOrigin(req, publicUrl)) throw new ParleyError('origin_not_allowed', 'cross-origin logout refused');
      await domain.agents.closeSession(cookie);
    }
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  return router;
}
