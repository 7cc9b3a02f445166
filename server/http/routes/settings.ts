/**
 * Admin REST for the workspace's own settings: name, greeting, brand colour,
 * launcher placement, team avatars, allowed origins, identity verification and
 * pre-chat email capture, business hours, SLA policies (with per-team
 * overrides) and the away message, plus the install snippet for this server.
 *
 * Any agent (or API token) may read them; only admins and API tokens may change
 * them. The identity secret is never part of either answer.
 *
 * @example api.use('/settings', admin, settingsRoutes(domain, config.publicUrl))
 */
import { Router } from 'express';
import { type TeamServiceLevels, updateSettingsSchema, type WorkspaceSettings } from '../../../protocol/index.js';
import { type AdminPrincipal, auditActorOf, type Domain, ParleyError, type Workspace, validate, widgetSettings } from '../../domain/index.js';
import { snippet } from '../../pages/snippet.js';
import { principalOf } from '../auth/index.js';

/** A JS string literal that cannot close the surrounding <script>. */
const jsString = (value: string) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The settings as the inbox and the API show them; built field by field so nothing else (the secret) slips in. */
export function workspaceSettings(ws: Workspace, publicUrl: string, teamServiceLevels: Record<string, TeamServiceLevels> = {}): WorkspaceSettings {
  return {
    ...widgetSettings(ws),
    allowedOrigins: ws.allowedOrigins,
    surveyRecontactDays: ws.surveyRecontactDays,
    reassignOnOffline: ws.reassignOnOffline,
    snippet: `<script>\n${snippet(publicUrl, `{ appId: ${jsString(ws.appId)} }`)}\n</script>`,
    businessHours: ws.businessHours,
    slaPolicy: ws.slaPolicy,
    awayMessage: ws.awayMessage,
    teamServiceLevels,
    privacy: ws.privacy,
  };
}

/** "name", "privacy.retention": what a patch touched, for the audit log (never the values). */
function changedFieldNames(patch: object): string[] {
  return Object.entries(patch).flatMap(([key, value]) =>
    key === 'privacy' && value && typeof value === 'object' ? Object.keys(value).map((k) => `privacy.${k}`) : [key],
  );
}

function assertCanChangeSettings(principal: AdminPrincipal): void {
  // API tokens are created by admins and act for the workspace; agents need the admin role.
  if (principal.agent && principal.agent.role !== 'admin') {
    throw new ParleyError('forbidden', 'only admins can change workspace settings');
  }
}

export function settingsRoutes(domain: Domain, publicUrl: string): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    const ws = await domain.workspaces.byId(principalOf(res).workspaceId);
    res.json(workspaceSettings(ws, publicUrl, await domain.serviceLevels.teamOverrides(ws.id)));
  });

  router.patch('/', async (req, res) => {
    const p = principalOf(res);
    assertCanChangeSettings(p);
    const patch = validate(updateSettingsSchema, req.body);
    // Teams first: an unknown team refuses the whole patch before anything is written.
    if (patch.teamServiceLevels) await domain.serviceLevels.updateTeamOverrides(p.workspaceId, patch.teamServiceLevels);
    const ws = await domain.workspaces.updateSettings(p.workspaceId, patch);
    // Keeping countries switched off: the ones kept go too.
    if (patch.privacy?.storeCountry === false) await domain.privacy.countries.forget(ws.id);
    await domain.audit.record({ workspaceId: ws.id, actor: auditActorOf(p), action: 'settings.updated', target: { type: 'workspace', id: ws.id }, details: { fields: changedFieldNames(patch) } });
    res.json(workspaceSettings(ws, publicUrl, await domain.serviceLevels.teamOverrides(ws.id)));
  });

  return router;
}
