/**
 * The SDK's endpoints: boot, identify, events. Bodies are JSON sent as
 * text/plain with the visitor token inside, so browsers send them as simple
 * CORS requests (no preflight round trip on the host page). Every request is
 * checked against the workspace's origin allowlist before anything happens.
 */
import express, { type Request, type Response, Router } from 'express';
import {
  type BootResult,
  bootInputSchema,
  type IdentifyResult,
  widgetContactEmailSchema,
  widgetEventsSchema,
  widgetIdentifySchema,
} from '../../../protocol/index.js';
import type { ContactRow } from '../../store/index.js';
import { type Domain, ParleyError, type Workspace, validate, widgetSettings } from '../../domain/index.js';
import type { LimiterFactory } from '../../scale/index.js';
import { rateLimit } from '../rate-limit/index.js';

function allowOrigin(req: Request, res: Response): void {
  const origin = req.headers.origin;
  if (origin) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
  }
}

export function widgetRoutes(domain: Domain, limiters: LimiterFactory): Router {
  const router = Router();
  router.use(express.json({ type: ['application/json', 'text/plain'], limit: '64kb' }));
  // Preflights only happen for clients that send application/json; the real request is still checked.
  router.options('/{*any}', (req, res) => {
    allowOrigin(req, res);
    res.setHeader('Access-Control-Allow-Methods', 'POST');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  });
  router.use(rateLimit(limiters, { name: 'widget', points: 120, durationSec: 60, key: (req) => req.ip ?? '' }));

  /** Resolves the caller's workspace and (when the token is valid) its contact. */
  async function visitorContext(req: Request, res: Response, token: string | undefined, ws?: Workspace) {
    let workspace = ws;
    let contact: ContactRow | undefined;
    if (token) {
      const claims = await domain.visitorTokens.verify(token).catch(() => null);
      if (claims && (!workspace || claims.workspaceId === workspace.id)) {
        workspace ??= await domain.workspaces.byId(claims.workspaceId);
        contact = await domain.contacts.get(workspace.id, claims.contactId).catch(() => undefined);
      }
    }
    if (!workspace) throw new ParleyError('unauthorized', 'invalid or expired visitor token');
    domain.workspaces.assertOrigin(workspace, req.headers.origin);
    allowOrigin(req, res);
    return { workspace, contact };
  }

  router.post('/boot', async (req, res) => {
    const input = validate(bootInputSchema, req.body);
    const ws = await domain.workspaces.byAppId(input.appId);
    const { contact: current } = await visitorContext(req, res, input.token, ws);
    const seen = { locale: input.locale, device: input.device };
    let contact = input.user
      ? await domain.identity.identify(ws, current, {
          userId: input.user.id,
          userHash: input.user.userHash,
          identityToken: input.user.identityToken,
          traits: input.user.traits,
          name: input.user.name,
          email: input.user.email,
        })
      : await domain.identity.resolveAnonymous(ws, current, seen);
    if (input.user) contact = await domain.contacts.touch(contact, seen);
    await domain.privacy.countries.record(ws, contact.id, req.headers);
    const result: BootResult = {
      token: await domain.visitorTokens.issue({ contactId: contact.id, workspaceId: ws.id }),
      contactId: contact.id,
      identified: contact.external_id !== null,
      email: contact.email,
      // Online now, typical reply time and next opening, for the messenger's header.
      settings: { ...widgetSettings(ws), replyTime: await domain.replyTimes.forWorkspace(ws), helpCenter: await domain.help.visitors.hasLive(ws.id) },
    };
    res.json(result);
  });

  router.post('/identify', async (req, res) => {
    const input = validate(widgetIdentifySchema, req.body);
    const { workspace, contact } = await visitorContext(req, res, input.token);
    const known = await domain.identity.identify(workspace, contact, {
      userId: input.userId,
      userHash: input.userHash,
      identityToken: input.identityToken,
      traits: input.traits,
    });
    const result: IdentifyResult = {
      token: await domain.visitorTokens.issue({ contactId: known.id, workspaceId: workspace.id }),
      contactId: known.id,
    };
    res.json(result);
  });

  router.post('/events', async (req, res) => {
    const input = validate(widgetEventsSchema, req.body);
    const { workspace, contact } = await visitorContext(req, res, input.token);
    if (!contact) throw new ParleyError('unauthorized', 'invalid or expired visitor token');
    const stored = await domain.events.record(contact, input.events, { keepQuery: workspace.privacy.urlQueryAllowlist });
    res.json({ accepted: input.events.length, stored });
  });

  router.post('/contact-email', async (req, res) => {
    const input = validate(widgetContactEmailSchema, req.body);
    const { contact } = await visitorContext(req, res, input.token);
    if (!contact) throw new ParleyError('unauthorized', 'invalid or expired visitor token');
    // An identified contact's email comes from the host's backend (identify), not from a form.
    if (contact.external_id !== null) throw new ParleyError('forbidden', 'identified visitors change their email in your product');
    await domain.contacts.updateTraits(contact, undefined, { email: input.email.toLowerCase() });
    res.json({ email: input.email.toLowerCase() });
  });

  return router;
}
