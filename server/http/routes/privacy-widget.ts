/**
 * The widget endpoints of privacy, next to the SDK's own (widget.ts, mounted
 * first: its body parser, preflight answer and rate limit apply here too):
 * - `GET /widget/settings?appId=` — the workspace's public messenger settings,
 *   for an SDK that must know whether consent is required before it stores or
 *   sends anything (no token, no body, nothing about the visitor).
 * - `POST /widget/export` `{ token }` — a verified visitor asks for their own
 *   data: a download link valid for a short time (export-links.ts). Identified
 *   visitors only, and only while identity verification is on (otherwise an
 *   identity is a claim anyone can make).
 * - `GET /widget/export/:link` — the download (JSON, as an attachment; no
 *   internal notes); audited as `contact.self_exported`.
 *
 * @example api.use('/widget', widgetRoutes(domain, limiters), privacyWidgetRoutes(domain, config.publicUrl))
 */
import { Router, type Request, type Response } from 'express';
import { type SelfExportLink, widgetExportRequestSchema } from '../../../protocol/index.js';
import { type Domain, ParleyError, validate, type Workspace, widgetSettings } from '../../domain/index.js';

function allowOrigin(req: Request, res: Response): void {
  if (!req.headers.origin) return;
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.setHeader('Vary', 'Origin');
}

export function privacyWidgetRoutes(domain: Domain, publicUrl: string): Router {
  const router = Router();

  const checkedOrigin = (req: Request, res: Response, ws: Workspace) => {
    domain.workspaces.assertOrigin(ws, req.headers.origin);
    allowOrigin(req, res);
  };

  router.get('/settings', async (req, res) => {
    const appId = typeof req.query.appId === 'string' ? req.query.appId.slice(0, 100) : '';
    const ws = await domain.workspaces.byAppId(appId);
    // A same-origin GET carries no Origin (the demo page on this server): these settings are public anyway.
    if (req.headers.origin) checkedOrigin(req, res, ws);
    res.setHeader('Cache-Control', 'no-store');
    res.json(widgetSettings(ws));
  });

  router.post('/export', async (req, res) => {
    const { token } = validate(widgetExportRequestSchema, req.body);
    const claims = await domain.visitorTokens.verify(token);
    const ws = await domain.workspaces.byId(claims.workspaceId);
    checkedOrigin(req, res, ws);
    const contact = await domain.contacts.get(ws.id, claims.contactId).catch(() => null);
    if (!contact) throw new ParleyError('unauthorized', 'invalid or expired visitor token');
    if (contact.external_id === null || !ws.identityVerification) {
      throw new ParleyError('forbidden', 'only signed-in, verified users can download their data here; ask the team instead');
    }
    const link: SelfExportLink = await domain.privacy.exportLinks.issue({ contactId: contact.id, workspaceId: ws.id }, publicUrl);
    res.setHeader('Cache-Control', 'no-store');
    res.json(link);
  });

  router.get('/export/:link', async (req, res) => {
    const claims = await domain.privacy.exportLinks.verify(String(req.params.link).slice(0, 2_000));
    const contact = await domain.contacts.get(claims.workspaceId, claims.contactId);
    const doc = await domain.privacy.exporter.export(contact, { includeNotes: false, publicUrl });
    await domain.audit.record({
      workspaceId: claims.workspaceId,
      actor: { type: 'visitor', id: contact.id, name: null },
      action: 'contact.self_exported',
      target: { type: 'contact', id: contact.id },
      details: { format: 'json' },
    });
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', 'attachment; filename="my-data.json"');
    res.json(doc);
  });

  return router;
}
