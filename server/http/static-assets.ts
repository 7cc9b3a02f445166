/**
 * Built browser assets: /sdk.js and /widget/* are loaded by other sites' pages
 * (so they carry CORS and cross-origin resource policy headers; widget chunks are
 * ES modules, which browsers fetch in CORS mode), /inbox/* is our own app.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { Router } from 'express';
import { sendError } from './errors/index.js';

export function staticAssets(publicDir: string): Router {
  const root = resolve(publicDir);
  const router = Router();
  const built = () => existsSync(join(root, 'sdk.js'));

  router.use(['/sdk.js', '/widget'], (_req, res, next) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    next();
  });
  router.get('/sdk.js', (_req, res) => {
    if (!built()) return sendError(res, 'unavailable', 'browser assets are not built: run `npm run build`');
    // Short cache: the loader must pick up new widget chunk names after an upgrade.
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.sendFile(join(root, 'sdk.js'));
  });
  router.use(
    '/widget',
    express.static(join(root, 'widget'), {
      index: false,
      // Chunks are content-hashed and never change; the entry keeps its name across upgrades.
      setHeaders: (res, path) =>
        res.setHeader('Cache-Control', path.endsWith('/widget.js') ? 'public, max-age=300' : 'public, max-age=31536000, immutable'),
    }),
  );
  router.use('/inbox', express.static(join(root, 'inbox'), { index: false, maxAge: '1h' }));
  router.get(['/inbox', '/inbox/{*rest}'], (req, res) => {
    if (req.path === '/inbox') return res.redirect(301, '/inbox/');
    const index = join(root, 'inbox', 'index.html');
    if (!existsSync(index)) return sendError(res, 'unavailable', 'the inbox is not built: run `npm run build`');
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
