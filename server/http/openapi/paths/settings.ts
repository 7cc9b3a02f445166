/** `/settings`: the workspace's messenger, access and service-level settings (routes/settings.ts). */
import { updateSettingsSchema } from '../../../../protocol/index.js';
import { WorkspaceSettingsDoc } from '../models/workspace.js';
import { json, named, type RouteDoc } from '../route-doc.js';

const tags = ['Settings'];

export const settingsDocs: RouteDoc[] = [
  { method: 'get', path: '/settings', summary: 'Get the workspace settings', tags, auth: 'admin', responses: { 200: json('The settings', WorkspaceSettingsDoc) } },
  {
    method: 'patch',
    path: '/settings',
    summary: 'Change the workspace settings',
    description: 'Admins only. Only the fields given change.',
    tags,
    auth: 'admin',
    request: { body: named('UpdateSettingsRequest', updateSettingsSchema) },
    responses: { 200: json('The settings after the change', WorkspaceSettingsDoc) },
  },
];
