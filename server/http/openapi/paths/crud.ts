/**
 * The five operations of a resource on the shared crudRoutes (list, create,
 * get, update, delete), documented once like they are implemented once.
 *
 * @example crudDocs({ base: '/teams', tag: 'Teams', thing: 'team', item: TeamDoc, create: named('CreateTeamRequest', createTeamSchema), update: … })
 */
import { json, noContent, type Named, pageOf, type RouteDoc } from '../route-doc.js';

export interface CrudDocOptions {
  base: string;
  tag: string;
  /** "team", "tag": used in summaries. */
  thing: string;
  item: Named;
  create: Named;
  update: Named;
  /** The create's answer, when not `item` (e.g. with a secret shown once). */
  created?: Named;
  /** Who may write, when not every caller (e.g. "Admins only."). */
  writeNote?: string;
  /** Who may delete, when stricter than writing. */
  deleteNote?: string;
}

export function crudDocs({ base, tag, thing, item, create, update, created = item, writeNote, deleteNote }: CrudDocOptions): RouteDoc[] {
  const one = `${base}/:id`;
  const params = { id: `The ${thing}'s id` };
  const tags = [tag];
  return [
    { method: 'get', path: base, summary: `List ${thing}s`, tags, auth: 'admin', responses: { 200: json(`Every ${thing} (one page)`, pageOf(item)) } },
    {
      method: 'post',
      path: base,
      summary: `Create a ${thing}`,
      description: writeNote,
      tags,
      auth: 'admin',
      request: { body: create },
      responses: { 201: json(`The ${thing}, with its id`, created) },
    },
    { method: 'get', path: one, summary: `Get a ${thing}`, tags, auth: 'admin', request: { params }, responses: { 200: json(`The ${thing}`, item) } },
    {
      method: 'patch',
      path: one,
      summary: `Change a ${thing}`,
      description: [writeNote, 'Only the fields given change.'].filter(Boolean).join(' '),
      tags,
      auth: 'admin',
      request: { params, body: update },
      responses: { 200: json(`The changed ${thing}`, item) },
    },
    {
      method: 'delete',
      path: one,
      summary: `Delete a ${thing}`,
      description: deleteNote ?? writeNote,
      tags,
      auth: 'admin',
      request: { params },
      responses: { 204: noContent },
    },
  ];
}
