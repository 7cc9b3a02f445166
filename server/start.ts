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
import { migrateToLatest, openStore, s3FileStore } from './store/index.js';
import { startSnoozeClock } from './domain/conversations/index.js';

export interface RunningServer {
  url: string;
  port: number;
  domain: Domain;
  /** Reactions to contact changes (goals, re-evaluation); `settled()` waits for the running ones. */
  reactions: ContentReactions;
  seed: SeedResult;
  logger: Logger;
  close(): Promise<void>;
}

/**
 * Series waits end with time alone: a timer moves contacts on (each node runs
 * it; the runner's compare-and-set keeps a step from running twice). A series
 * going live lets its existing audience in, in the background.
 */
function startSeriesClock(domain: Domain, logger: Logger): () => void {
  const fail = (err: unknown) => logger.error({ err }, 'series run failed');
  const tick = () =>
    domain.series
      .tick()
      .then((contacts) => contacts.forEach((c) => domain.bus.publish('content.changed', { workspaceId: c.workspace_id, contactId: c.id })))
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

export async function startServer(config: Config, logger: Logger = pino({ level: config.logLevel })): Promise<RunningServer> {
  const store = openStore(config.databaseUrl);
  await migrateToLatest(store.db, store.kind);
  const uploads = config.s3 ? { store: s3FileStore(config.s3) } : { dir: config.uploadsDir };
  const domain = await createDomain(store.db, { uploads, uploadMaxBytes: config.uploadMaxBytes });
  const seed = await seedIfEmpty(domain, {
    publicUrl: config.publicUrl,
    adminEmail: config.adminEmail,
    adminPassword: config.adminPassword,
    bootstrapToken: config.bootstrapToken,
    identitySecret: config.identitySecret,
  });

  const health = async () => {
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
  const stopSeries = startSeriesClock(domain, logger);
  // Snoozed conversations reopen when their time comes (on every node: the reopen is a compare-and-set).
  const stopSnooze = startSnoozeClock({ wake: (now) => domain.snoozes.wakeDue(now), onError: (err) => logger.error({ err }, 'snooze wake-up failed') });
  const app = createHttpApp({ config, domain, logger, health });
  const httpServer = createServer(app);
  const realtime = createRealtime(httpServer, domain, logger, config.publicUrl);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    domain,
    reactions,
    seed,
    logger,
    close: () => {
      closing ??= (async () => {
        reactions.stop();
        stopSeries();
        stopSnooze();
        await realtime.close();
        await reactions.settled();
        httpServer.closeAllConnections();
        await store.close();
      })();
      return closing;
    },
  };
}
