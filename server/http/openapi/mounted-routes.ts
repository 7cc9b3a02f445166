/**
 * The routes an Express app really mounts, read from its router stack (router
 * 2.x keeps each layer's `rawPath`): what the drift test compares with the
 * registry. CORS preflights (OPTIONS) are not operations and are left out.
 *
 * @example mountedRoutes(createHttpApp(deps)) // [{ method: 'get', path: '/conversations/:id' }, …]
 */
import type { Express } from 'express';

export interface MountedRoute {
  method: string;
  /** Under `prefix`, in Express syntax. */
  path: string;
}

interface LayerLike {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean | undefined> };
  handle?: { stack?: LayerLike[] };
}

const paths = (raw: unknown): string[] => (Array.isArray(raw) ? raw.flat(Infinity).map(String) : typeof raw === 'string' ? [raw] : []);

function join(base: string, path: string): string {
  const joined = `${base}/${path}`.replace(/\/{2,}/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

function walk(stack: readonly LayerLike[], base: string, into: MountedRoute[]): void {
  for (const layer of stack) {
    if (layer.route) {
      for (const path of paths(layer.route.path)) {
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (on && method !== 'options' && method !== '_all') into.push({ method, path: join(base, path) });
        }
      }
    } else if (layer.handle?.stack) {
      const mounts = paths(layer.rawPath);
      for (const mount of mounts.length > 0 ? mounts : ['/']) walk(layer.handle.stack, join(base, mount), into);
    }
  }
}

/** Every method + path under `prefix` (default `/api/v1`), the prefix cut off. */
export function mountedRoutes(app: Express, prefix = '/api/v1'): MountedRoute[] {
  const all: MountedRoute[] = [];
  walk((app.router as unknown as { stack: LayerLike[] }).stack, '', all);
  return all
    .filter((r) => r.path === prefix || r.path.startsWith(`${prefix}/`))
    .map((r) => ({ method: r.method, path: r.path.slice(prefix.length) || '/' }));
}
