/**
 * Starts one Parley node: store (migrated), domain, HTTP and Socket.IO on one
 * port. Used by `main.ts` and by integration tests (port 0 = a random port).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import type { Config } from './config.js';
import { type ContentReactions, type Domain, createDomain, startContentReactions } from './domain/index.js';
import { type SeedResult, seedIfEmpty } from './domain/seed.js';
import { createHttpApp } from './http/app.js';
import { createRealtime } from './realtime/index.js';
import { createScale, jobLease, type LeasedRun, releaseLeases, type Scale } from './scale/index.js';
import { migrateToLatest, openStore, s3FileStore } from './store/index.js';
import { startSnoozeClock } from './domain/conversations/index.js';
import { startWebhookWorker } from './domain/webhooks/index.js';
import { RETENTION_LEASE_MS, startRetentionClock } from './domain/privacy/index.js';

export interface RunningServer {
  url: string;
  port: number;
  domain: Domain;
  /** Reactions to contact changes (goals, re-evaluation); `settled()` waits for the running ones. */
  reactions: ContentReactions;
  seed: SeedResult;
  logger: Logger;
  scale: Scale;
  close(): Promise<void>;
}

/**
 * Series waits end with time alone: a timer moves contacts on (on the node
 * holding the job's lease; the runner's compare-and-set keeps a step from
 * running twice even so). A series going live lets its existing audience in,
 * in the background.
 */
function startSeriesClock(domain: Domain, logger: Logger, leased: LeasedRun): () => void {
  const fail = (err: unknown) => logger.error({ err }, 'series run failed');
  const tick = () =>
    leased('series-waits', SERIES_TICK_MS * 3, () => domain.series.tick())
      .then((contacts = []) => contacts.forEach((c) => domain.bus.publish('content.changed', { workspaceId: c.workspace_id, contactId: c.id })))
      .catch(fail);
  const timer = setInterval(tick, SERIES_TICK_MS);
  timer.unref();
  const offLive = domain.series.store.onLive((series, workspaceId) => {
    domain.series
      .enterExisting(series, workspaceId)
      .then(() => domain.bus.publish('content.changed', { workspaceId }))
      .catch(fail);
  });
  return () => {
    clearInterval(timer);
    offLive();
  };
}

const SERIES_TICK_MS = 60_000;
/** Three snooze scans: a dead holder's lease passes on within a minute. */
const SNOOZE_LEASE_MS = 45_000;
/** How long requests in flight may take to finish when a node stops. */
const DRAIN_MS = 10_000;

/** Resolves once `server` closed (every connection ended), cutting what is left after `ms`. */
function closedWithin(server: ReturnType<typeof createServer>, closed: Promise<void>, ms: number): Promise<void> {
  if (server.listening) server.close();
  server.closeIdleConnections();
  const cut = setTimeout(() => server.closeAllConnections(), ms);
  cut.unref();
  return closed.finally(() => clearTimeout(cut));
}

export async function startServer(config: Config, logger: Logger = pino({ level: config.logLevel })): Promise<RunningServer> {
  const store = openStore(config.databaseUrl, { onConnectionError: (err) => logger.warn({ err }, 'postgres connection lost') });
  await migrateToLatest(store.db, store.kind);
  const scale = await createScale({ redisUrl: config.redisUrl, redisPrefix: config.redisPrefix, logger });
  const leased = jobLease(store.db, scale.nodeId);
  const uploads = config.s3 ? { store: s3FileStore(config.s3) } : { dir: config.uploadsDir };
  const domain = await createDomain(store.db, { uploads, uploadMaxBytes: config.uploadMaxBytes, presence: scale.presence, webhooks: { allowPrivate: config.webhookAllowPrivate }, countryHeader: config.countryHeader, publicUrl: config.publicUrl });
  const seed = await seedIfEmpty(domain, {
    publicUrl: config.publicUrl,
    adminEmail: config.adminEmail,
    adminPassword: config.adminPassword,
    bootstrapToken: config.bootstrapToken,
    identitySecret: config.identitySecret,
  });

  let draining = false;
  const health = async () => {
    // A draining node says so first: the load balancer stops sending it new connections.
    if (draining) return { ok: false, store: store.kind, draining: true };
    try {
      await store.db.selectFrom('workspaces').select('id').limit(1).execute();
      return { ok: true, store: store.kind };
    } catch {
      return { ok: false, store: store.kind };
    }
  };
  const reactions = startContentReactions(
    { bus: domain.bus, contacts: domain.contacts, inApp: domain.inApp, followers: [(contact) => domain.series.runForContact(contact)] },
    (err) => logger.error({ err }, 'content reaction failed'),
  );
  const stopSeries = startSeriesClock(domain, logger, leased);
  // Snoozed conversations reopen when their time comes (on the lease holder; the reopen is a compare-and-set too).
  const stopSnooze = startSnoozeClock({
    wake: (now) => leased('snooze-wakeups', SNOOZE_LEASE_MS, () => domain.snoozes.wakeDue(now)),
    onError: (err) => logger.error({ err }, 'snooze wake-up failed'),
  });
  // Data past its workspace's retention window goes (docs/privacy.md), on the lease holder only.
  const stopRetention = startRetentionClock({
    run: (now) => leased('retention', RETENTION_LEASE_MS, () => domain.privacy.retention.run(now)),
    onError: (err) => logger.error({ err }, 'retention run failed'),
  });
  // Domain events become webhook deliveries; every node's worker sends the due ones (each attempt is claimed once).
  const webhookEvents = domain.webhooks.follow({ bus: domain.bus, conversations: domain.conversations }, (err) => logger.error({ err }, 'webhook event failed'));
  const stopWebhooks = startWebhookWorker({ runner: domain.webhooks.runner, onError: (err) => logger.error({ err }, 'webhook delivery failed') });
  // Automation rules run in the background (docs/automation.md); an action's own failure is in the run log, anything else here.
  domain.automation.onError((err) => logger.error({ err }, 'automation run failed'));
  // Bots talk in the background (docs/bots.md); their failures are logged here.
  domain.bots.onError((err) => logger.error({ err }, 'bot run failed'));
  const app = createHttpApp({ config, domain, logger, health, limiters: scale.limiters });
  const httpServer = createServer(app);
  const realtime = createRealtime(httpServer, domain, logger, { publicUrl: config.publicUrl, adapter: scale.adapter });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const httpClosed = new Promise<void>((resolve) => httpServer.once('close', () => resolve()));

  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    domain,
    reactions,
    seed,
    logger,
    scale,
    close: () => {
      closing ??= (async () => {
        draining = true;
        reactions.stop();
        stopSeries();
        stopSnooze();
        stopRetention();
        // Sockets are told the server is going away and reconnect (to another node behind the balancer).
        await realtime.close();
        await reactions.settled();
        // Requests in flight finish (io.close() stopped the listening); idle keep-alive connections close now.
        await closedWithin(httpServer, httpClosed, DRAIN_MS);
        // Bot moves of the last messages finish first: a hand-over routes the conversation (below).
        domain.bots.stop();
        await domain.bots.settled();
        // Routing the last requests started (a new conversation, a queue drained as room appeared) ends before the store closes.
        domain.routing.stop();
        await domain.routing.settled();
        // Automation runs of the last requests finish (their webhook calls reach the outbox below).
        domain.automation.stop();
        await domain.automation.settled();
        // Events of the last requests reach the outbox; attempts in flight are cut off and left to another node.
        webhookEvents.stop();
        await webhookEvents.settled();
        await stopWebhooks();
        await releaseLeases(store.db, scale.nodeId).catch((err: unknown) => logger.warn({ err }, 'could not release job leases'));
        await scale.close();
        await store.close();
      })();
      return closing;
    },
  };
}
