/**
 * The data-subject requests on a contact (docs/privacy.md):
 * - `GET /contacts/:id/export` — everything held about the contact as JSON, or
 *   `?format=csv` as a zip of CSV files; audited.
 * - `DELETE /contacts/:id` — erase: the contact and everything tied to it; audited (in the same transaction).
 * - `PATCH /contacts/:id` — the team edits name, email or traits; audited.
 * Export and erase are for admins (and API tokens, by scope); an edit for any agent.
 *
 * @example api.use('/contacts', admin, contactPrivacyRoutes(domain, config.publicUrl), contactRoutes(domain))
 */
import { Router, type Response } from 'express';
import { contactExportQuerySchema, contactUpdateSchema } from '../../../protocol/index.js';
import { actsAsAdmin, auditActorOf, type Domain, exportCsvBundle, idFromParams, ParleyError, toContactProfile, validate } from '../../domain/index.js';
import { principalOf } from '../auth/index.js';

function adminOnly(res: Response, what: string) {
  const p = principalOf(res);
  if (!actsAsAdmin(p)) throw new ParleyError('forbidden', `only admins can ${what}`);
  return p;
}

export function contactPrivacyRoutes(domain: Domain, publicUrl: string): Router {
  const router = Router();

  router.get('/:id/export', async (req, res) => {
    const p = adminOnly(res, 'export a contact');
    const { format } = validate(contactExportQuerySchema, req.query);
    const contact = await domain.contacts.get(p.workspaceId, idFromParams(req.params.id));
    const doc = await domain.privacy.exporter.export(contact, { includeNotes: true, publicUrl });
    await domain.audit.record({ workspaceId: p.workspaceId, actor: auditActorOf(p), action: 'contact.exported', target: { type: 'contact', id: contact.id }, details: { format } });
    res.setHeader('Cache-Control', 'no-store');
    if (format === 'csv') {
      res.setHeader('Content-Type', 'application/zip');
      res.setHeader('Content-Disposition', `attachment; filename="contact-${contact.id}.zip"`);
      res.send(exportCsvBundle(doc));
      return;
    }
    res.setHeader('Content-Disposition', `attachment; filename="contact-${contact.id}.json"`);
    res.json(doc);
  });

  router.delete('/:id', async (req, res) => {
    const p = adminOnly(res, 'erase a contact');
    await domain.privacy.eraser.erase(p.workspaceId, idFromParams(req.params.id), auditActorOf(p));
    res.status(204).end();
  });

  router.patch('/:id', async (req, res) => {
    const p = principalOf(res);
    const patch = validate(contactUpdateSchema, req.body);
    const contact = await domain.contacts.get(p.workspaceId, idFromParams(req.params.id));
    const updated = await domain.contacts.edit(contact, patch);
    const fields = [...Object.keys(patch).filter((k) => k !== 'traits'), ...Object.keys(patch.traits ?? {}).map((k) => `traits.${k}`)];
    await domain.audit.record({ workspaceId: p.workspaceId, actor: auditActorOf(p), action: 'contact.updated', target: { type: 'contact', id: contact.id }, details: { fields } });
    res.json(toContactProfile(updated));
  });

  return router;
}
