/**
 * Files in conversations, over HTTP:
 * - `POST /widget/uploads?name=…` with `Authorization: Bearer <visitor token>`
 *   — the visitor's widget; the raw file is the body. The token is in a header,
 *   not the URL (proxies log URLs, and a visitor token lives 180 days), so the
 *   browser sends a CORS preflight, answered here (and cached for 10 min).
 *   Origin allowlist as on every widget endpoint.
 * - `POST /uploads?name=…` — agents (admin auth: cookie + CSRF, or a bearer token).
 * - `GET /attachments/:id/:sig` — the download, a signed capability URL so
 *   `<img src>` works from any origin without headers. Served as an inert
 *   document: sniffed type, nosniff, sandboxed CSP, download for non-images.
 *
 * Mounted before any JSON body parser: the bodies here are files, read by
 * `express.raw` with the upload limit.
 */
import { pipeline } from 'node:stream/promises';
import express, { type Request, type RequestHandler, type Response, Router } from 'express';
import { type Attachment, uploadQuerySchema } from '../../../protocol/index.js';
import { type Domain, ParleyError, contentDisposition, idFromParams, tooLarge, uploaderOf, validate } from '../../domain/index.js';
import { adminAuth, principalOf } from '../auth/index.js';
import type { LimiterFactory } from '../../scale/index.js';
import { rateLimit } from '../rate-limit/index.js';
import { authorOf } from './conversations.js';

export interface AttachmentRoutesOptions {
  domain: Domain;
  publicUrl: string;
  limiters: LimiterFactory;
}

function allowOrigin(req: Request, res: Response): void {
  const origin = req.headers.origin;
  if (origin) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
  }
}

export function attachmentRoutes({ domain, publicUrl, limiters }: AttachmentRoutesOptions): Router {
  const router = Router();
  const { attachments } = domain;
  const raw = express.raw({ type: () => true, limit: attachments.maxBytes, inflate: false });
  /** The file as a Buffer; an oversize body is refused with the limit in the message. */
  const readFile: RequestHandler = (req, res, next) =>
    raw(req, res, (err?: unknown) => next((err as { type?: string } | undefined)?.type === 'entity.too.large' ? tooLarge(attachments.maxBytes) : err));
  const bytesOf = (req: Request): Buffer => (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));

  router.options('/widget/uploads', (req, res) => {
    allowOrigin(req, res);
    res.setHeader('Access-Control-Allow-Methods', 'POST');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  });

  router.post(
    '/widget/uploads',
    rateLimit(limiters, { name: 'visitor-upload', points: 30, durationSec: 60, key: (req) => req.ip ?? '' }),
    // Who and from where, before a byte of the body is read; CORS headers set
    // from here on so the widget can read a 413/415 answer.
    async (req, res, next) => {
      const token = /^Bearer (\S{1,2000})$/.exec(req.headers.authorization ?? '')?.[1];
      const claims = token ? await domain.visitorTokens.verify(token).catch(() => null) : null;
      if (!claims) throw new ParleyError('unauthorized', 'invalid or expired visitor token');
      const workspace = await domain.workspaces.byId(claims.workspaceId);
      domain.workspaces.assertOrigin(workspace, req.headers.origin);
      const contact = await domain.contacts.get(workspace.id, claims.contactId).catch(() => null);
      if (!contact) throw new ParleyError('unauthorized', 'invalid or expired visitor token');
      allowOrigin(req, res);
      res.locals.uploader = { workspaceId: workspace.id, contactId: contact.id };
      next();
    },
    readFile,
    async (req, res) => {
      const { name } = validate(uploadQuerySchema, req.query);
      const { workspaceId, contactId } = res.locals.uploader as { workspaceId: string; contactId: string };
      const attachment: Attachment = await attachments.upload({
        workspaceId,
        uploader: { type: 'visitor', id: contactId },
        fileName: name,
        bytes: bytesOf(req),
      });
      res.status(201).json(attachment);
    },
  );

  router.post(
    '/uploads',
    rateLimit(limiters, { name: 'agent-upload', points: 60, durationSec: 60, key: (req) => req.ip ?? '' }),
    adminAuth({ domain, publicUrl }),
    readFile,
    async (req, res) => {
      const { name } = validate(uploadQuerySchema, req.query);
      const p = principalOf(res);
      const attachment: Attachment = await attachments.upload({
        workspaceId: p.workspaceId,
        uploader: uploaderOf(authorOf(p)),
        fileName: name,
        bytes: bytesOf(req),
      });
      res.status(201).json(attachment);
    },
  );

  router.get('/attachments/:id/:sig', async (req, res) => {
    const download = await attachments.open(idFromParams(req.params.id), String(req.params.sig));
    const { attachment } = download;
    const etag = `"${attachment.id}"`;
    res.setHeader('Content-Type', attachment.contentType);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Disposition', contentDisposition(download.inline ? 'inline' : 'attachment', attachment.name));
    // Opened directly, the file is an inert, sandboxed document of no origin.
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, max-age=86400');
    // The widget shows images on the host's origin.
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    res.setHeader('ETag', etag);
    if (req.headers['if-none-match'] === etag) {
      download.body.destroy();
      res.status(304).end();
      return;
    }
    res.setHeader('Content-Length', String(attachment.size));
    await pipeline(download.body, res).catch(() => undefined); // a client that goes away mid-download is not an error
  });

  return router;
}
