/** Reads the environment once; see README "Configuration" for each variable. */
import { dirname, join, resolve } from 'node:path';
import { type S3Options, sqliteFileFromUrl } from './store/index.js';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  redisUrl?: string;
  /** Names every Redis key and stream of this install (`REDIS_PREFIX`, default `parley`). */
  redisPrefix: string;
  publicUrl: string;
  adminEmail?: string;
  adminPassword?: string;
  bootstrapToken?: string;
  identitySecret?: string;
  /** Built browser assets (sdk.js, widget/, inbox/). */
  publicDir: string;
  logLevel: string;
  /** Where uploaded files are kept: `UPLOADS_DIR`, else `uploads/` next to the SQLite file. */
  uploadsDir: string;
  /** Largest accepted upload in bytes (`UPLOAD_MAX_BYTES`, 10 MB by default). */
  uploadMaxBytes: number;
  /** S3-compatible storage for uploads instead of `uploadsDir` (when `S3_BUCKET` is set). */
  s3?: S3Options;
  /** Serve /demo (a page that hands out a valid userHash for the demo user): on by default, `DEMO=off` in production. */
  demo: boolean;
  /**
   * `TRUST_PROXY`: the proxies whose X-Forwarded-For names the client (rate limits key on it): Express's
   * `trust proxy` list (`loopback, 10.0.0.0/8`) or a hop count; loopback only when unset.
   */
  trustProxy?: string;
  /** `WEBHOOK_ALLOW_PRIVATE=1`: webhooks may target private, loopback and link-local addresses (off by default: SSRF). */
  webhookAllowPrivate: boolean;
  /** `COUNTRY_HEADER`: the header a proxy or CDN in front sets to the visitor's country (e.g. CF-IPCountry); unset, no country is kept. */
  countryHeader?: string;
}

export const DEFAULT_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/** The data directory is the SQLite file's; with Postgres (or an in-memory SQLite) it is ./data. */
function defaultUploadsDir(databaseUrl: string): string {
  if (!databaseUrl.startsWith('sqlite:')) return resolve('data', 'uploads');
  const file = sqliteFileFromUrl(databaseUrl);
  return file === ':memory:' ? resolve('data', 'uploads') : join(dirname(resolve(file)), 'uploads');
}

/** `S3_BUCKET` switches uploads to S3-compatible storage; the credentials are then required. */
function s3FromEnv(env: NodeJS.ProcessEnv): S3Options | undefined {
  const bucket = env.S3_BUCKET;
  if (!bucket) return undefined;
  const region = env.S3_REGION || 'us-east-1';
  const accessKeyId = env.S3_ACCESS_KEY_ID ?? '';
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY ?? '';
  if (!accessKeyId || !secretAccessKey) throw new Error('S3_BUCKET is set: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required too');
  return { bucket, region, accessKeyId, secretAccessKey, endpoint: env.S3_ENDPOINT || `https://s3.${region}.amazonaws.com` };
}

function positiveInt(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, defaults: Partial<Config> = {}): Config {
  const port = Number(env.PORT ?? defaults.port ?? 3000);
  const publicUrl = (env.PUBLIC_URL ?? defaults.publicUrl ?? `http://localhost:${port}`).replace(/\/$/, '');
  const databaseUrl = env.DATABASE_URL ?? defaults.databaseUrl ?? 'sqlite:./data/parley.db';
  return {
    port,
    host: env.HOST ?? defaults.host ?? '0.0.0.0',
    databaseUrl,
    redisUrl: env.REDIS_URL || defaults.redisUrl,
    redisPrefix: env.REDIS_PREFIX || defaults.redisPrefix || 'parley',
    publicUrl,
    adminEmail: env.ADMIN_EMAIL ?? defaults.adminEmail,
    adminPassword: env.ADMIN_PASSWORD ?? defaults.adminPassword,
    bootstrapToken: env.BOOTSTRAP_TOKEN ?? defaults.bootstrapToken,
    identitySecret: env.IDENTITY_SECRET ?? defaults.identitySecret,
    publicDir: env.PARLEY_PUBLIC_DIR ?? defaults.publicDir ?? 'dist/public',
    logLevel: env.LOG_LEVEL ?? defaults.logLevel ?? 'info',
    demo: !['off', 'false', '0'].includes((env.DEMO ?? '').toLowerCase()),
    trustProxy: env.TRUST_PROXY || defaults.trustProxy,
    webhookAllowPrivate: ['1', 'true', 'on'].includes((env.WEBHOOK_ALLOW_PRIVATE ?? '').toLowerCase()) || (defaults.webhookAllowPrivate ?? false),
    uploadsDir: resolve(env.UPLOADS_DIR ?? defaults.uploadsDir ?? defaultUploadsDir(databaseUrl)),
    uploadMaxBytes: positiveInt(env.UPLOAD_MAX_BYTES) ?? defaults.uploadMaxBytes ?? DEFAULT_UPLOAD_MAX_BYTES,
    s3: s3FromEnv(env) ?? defaults.s3,
    countryHeader: env.COUNTRY_HEADER || defaults.countryHeader,
  };
}
