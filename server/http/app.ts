/**
 * The Express app: security headers, the SDK's widget endpoints, the admin REST
 * API, the demo page and the built assets. Thin: every decision is in domain/.
 */
import express, { type Express, Router } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Domain } from '../domain/index.js';
import { demoRoutes } from '../pages/demo.js';
import { adminAuth } from './auth/index.js';
import { errorHandler, notFoundHandler } from './errors/index.js';
import { agentRoutes } from './routes/agents.js';
import { attachmentRoutes } from './routes/attachments.js';
import { authRoutes } from './routes/auth.js';
import { contactRoutes } from './routes/contacts.js';
import { conversationRoutes } from './routes/conversations.js';
import { messageRoutes } from './routes/messages.js';
import { segmentRoutes } from './routes/segments.js';
import { seriesRoutes } from './routes/series.js';
import { surveyRoutes } from './routes/surveys.js';
import { tourRoutes } from './routes/tours.js';
import { reportRoutes } from './routes/reports.js';
import { settingsRoutes } from './routes/settings.js';
import { widgetRoutes } from './routes/widget.js';
import { auditLogRoutes } from './routes/privacy-audit-log.js';
import { contactPrivacyRoutes } from './routes/privacy-contacts.js';
import { privacyWidgetRoutes } from './routes/privacy-widget.js';
import { staticAssets } from './static-assets.js';
import { assignmentRuleRoutes } from './routes/assignment-rules.js';
import { automationRuleRoutes } from './routes/automation-rules.js';
import { botRoutes } from './routes/bots.js';
import { teamRoutes } from './routes/teams.js';
import { cannedReplyRoutes } from './routes/canned-replies.js';
import { tagRoutes } from './routes/tags.js';
import { viewRoutes } from './routes/views.js';
import { apiTokenRoutes } from './routes/api-tokens.js';
import { openApiRoute } from './openapi/index.js';
import { webhookRoutes } from './routes/webhooks.js';
import { articleRoutes } from './routes/articles.js';
import { helpCollectionRoutes } from './routes/articles-collections.js';
import { helpPageRoutes } from '../pages/help.js';

import { type LimiterFactory, memoryLimiters } from '../scale/index.js';

export interface HttpDeps {
  config: Config;
  domain: Domain;
  logger: Logger;
  health: () => Promise<{ ok: boolean; [k: string]: unknown }>;
  /** Where HTTP rate-limit counters live (memory, or Redis with several nodes). */
  limiters?: LimiterFactory;
}

export function createHttpApp({ config, domain, logger, health, limiters = memoryLimiters }: HttpDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Behind a load balancer on another host, TRUST_PROXY names it (docs/scaling.md); a bare number counts hops.
  const trustProxy = config.trustProxy ?? 'loopback';
  app.set('trust proxy', /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'https:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          // Parley is often run on plain http (localhost, a private network).
          upgradeInsecureRequests: null,
          // Trusted Types: no string reaches an HTML/script sink unchecked on our pages.
          requireTrustedTypesFor: ["'script'"],
        },
      },
      crossOriginResourcePolicy: { policy: 'same-origin' },
    }),
  );

  app.get('/health', async (_req, res) => {
    const status = await health();
    res.status(status.ok ? 200 : 503).json(status);
  });
  app.get('/', (_req, res) => res.redirect(config.demo ? '/demo/' : '/inbox/'));
  app.get('/favicon.ico', (_req, res) => res.status(204).end());

  const api = Router();
  api.use(attachmentRoutes({ domain, publicUrl: config.publicUrl, limiters }));
  api.use('/widget', widgetRoutes(domain, limiters), privacyWidgetRoutes(domain, config.publicUrl));
  api.get('/openapi.json', openApiRoute());
  api.use(express.json({ limit: '256kb' }));
  api.use('/auth', authRoutes(domain, config.publicUrl, limiters));
  const admin = adminAuth({ domain, publicUrl: config.publicUrl });
  api.use('/conversations', admin, conversationRoutes(domain));
  api.use('/contacts', admin, contactPrivacyRoutes(domain, config.publicUrl), contactRoutes(domain));
  api.use('/audit-log', admin, auditLogRoutes(domain));
  api.use('/agents', admin, agentRoutes(domain));
  api.use('/settings', admin, settingsRoutes(domain, config.publicUrl));
  api.use('/messages', admin, messageRoutes(domain));
  api.use('/segments', admin, segmentRoutes(domain));
  api.use('/series', admin, seriesRoutes(domain));
  api.use('/surveys', admin, surveyRoutes(domain));
  api.use('/tours', admin, tourRoutes(domain));
  api.use('/reports', admin, reportRoutes(domain));
  api.use('/teams', admin, teamRoutes(domain));
  api.use('/assignment-rules', admin, assignmentRuleRoutes(domain));
  api.use('/automation-rules', admin, automationRuleRoutes(domain));
  api.use('/bots', admin, botRoutes(domain));
  api.use('/tags', admin, tagRoutes(domain));
  api.use('/canned-replies', admin, cannedReplyRoutes(domain));
  api.use('/views', admin, viewRoutes(domain));
  api.use('/api-tokens', admin, apiTokenRoutes(domain));
  api.use('/webhooks', admin, webhookRoutes(domain));
  api.use('/articles', admin, articleRoutes(domain));
  api.use('/help-collections', admin, helpCollectionRoutes(domain));
  api.use(notFoundHandler);
  app.use('/api/v1', api);

  app.use('/help', helpPageRoutes(domain, config.publicUrl));
  if (config.demo) app.use('/demo', demoRoutes(domain));
  app.use(staticAssets(config.publicDir));
  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}
