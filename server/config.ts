/** Reads the environment once; see README "Configuration" for each variable. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  redisUrl?: string;
  publicUrl: string;
  adminEmail?: string;
  adminPassword?: string;
  bootstrapToken?: string;
  identitySecret?: string;
  /** Built browser assets (sdk.js, widget/, inbox/). */
  publicDir: string;
  logLevel: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, defaults: Partial<Config> = {}): Config {
  const port = Number(env.PORT ?? defaults.port ?? 3000);
  const publicUrl = (env.PUBLIC_URL ?? defaults.publicUrl ?? `http://localhost:${port}`).replace(/\/$/, '');
  return {
    port,
    host: env.HOST ?? defaults.host ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL ?? defaults.databaseUrl ?? 'sqlite:./data/parley.db',
    redisUrl: env.REDIS_URL ?? defaults.redisUrl,
    publicUrl,
    adminEmail: env.ADMIN_EMAIL ?? defaults.adminEmail,
    adminPassword: env.ADMIN_PASSWORD ?? defaults.adminPassword,
    bootstrapToken: env.BOOTSTRAP_TOKEN ?? defaults.bootstrapToken,
    identitySecret: env.IDENTITY_SECRET ?? defaults.identitySecret,
    publicDir: env.PARLEY_PUBLIC_DIR ?? defaults.publicDir ?? 'dist/public',
    logLevel: env.LOG_LEVEL ?? defaults.logLevel ?? 'info',
  };
}
