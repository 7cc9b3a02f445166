/**
 * The Messenger object behind `window.Messenger` and `import { Messenger }`.
 * Every public method is wrapped: whatever goes wrong inside (bad input, server
 * down, a bug of ours) is reported to the console and `on('error')`, and never
 * thrown into the host page.
 */
import type { BootResult, IdentifyResult, WidgetSettings } from '../protocol/index.js';
import { ApiError, postJson } from './api-client.js';
import type { PageActivity, WidgetBridge, WidgetControl } from './bridge.js';
import { createEmitter } from './emitter.js';
import { createEventBatcher, type EventBatcher } from './event-batcher.js';
import { trackPageChanges } from './page-tracker.js';
import { createStorage, type KeyValueStore } from './storage.js';
import type { BootOptions, IdentifyOptions, MessengerApi } from './types.js';
import { loadWidgetModule } from './widget-loader.js';

type Props = Record<string, string | number | boolean | null>;

/** -420 → "UTC+07:00" (getTimezoneOffset counts minutes *behind* UTC). */
export function utcOffset(minutesBehind: number): string {
  const ahead = -minutesBehind;
  const abs = Math.abs(ahead);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `UTC${ahead < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function createMessenger(defaultApiBase: string): MessengerApi {
  const emitter = createEmitter((err) => console.warn('[parley] an on() listener threw', err));
  let reporting = false;
  const report = (err: unknown) => {
    if (reporting) return;
    reporting = true;
    const code = err instanceof ApiError ? err.code : 'sdk_error';
    const message = err instanceof Error ? err.message : String(err);
    console.warn(`[parley] ${code}: ${message}`);
    emitter.emit('error', { code, message });
    reporting = false;
  };

  let options: BootOptions | null = null;
  let apiBase = defaultApiBase;
  let storage: KeyValueStore = createStorage('parley:');
  let token: string | null = null;
  let settings: WidgetSettings | null = null;
  let visitor = { identified: false, email: null as string | null };
  let booted: Promise<boolean> = Promise.resolve(false);
  let generation = 0;
  let widget: Promise<WidgetControl | null> | null = null;
  let stopPageTracking: (() => void) | null = null;
  let stopFollowingTabs: (() => void) | null = null;
  const tokenListeners = new Set<(t: string | null) => void>();
  const activityListeners = new Set<(a: PageActivity) => void>();
  const announce = (a: PageActivity) => activityListeners.forEach((cb) => cb(a));

  const batcher: EventBatcher = createEventBatcher({
    apiBase: () => apiBase,
    token: () => token,
    storage: { get: (k) => storage.get(k), set: (k, v) => storage.set(k, v), remove: (k) => storage.remove(k) },
    report,
  });

  function setToken(next: string | null) {
    token = next;
    if (next) storage.set('token', next);
    else storage.remove('token');
    tokenListeners.forEach((cb) => cb(next));
    if (next) batcher.kick();
  }

  const device = () =>
    typeof navigator === 'undefined'
      ? undefined
      : {
          userAgent: navigator.userAgent.slice(0, 500),
          screen: `${screen.width}x${screen.height}`,
          // The UTC offset, not the IANA zone name: Intl.DateTimeFormat's first use loads ICU
          // data and cost ~100 ms of main-thread time on a throttled phone (bench/host-page.ts).
          timezone: utcOffset(new Date().getTimezoneOffset()),
        };

  async function callBoot(opts: BootOptions, withUser: boolean): Promise<BootResult> {
    return postJson<BootResult>(apiBase, 'boot', {
      appId: opts.appId,
      token: storage.get('token') ?? undefined,
      locale: opts.locale ?? (typeof navigator !== 'undefined' ? navigator.language : undefined),
      user: withUser ? opts.user : undefined,
      device: device(),
    });
  }

  /** Boots, retrying while the server is unreachable; a wrong userHash falls back to anonymous. */
  async function runBoot(opts: BootOptions, gen: number): Promise<boolean> {
    let withUser = Boolean(opts.user);
    for (let attempt = 0; gen === generation; attempt++) {
      try {
        const result = await callBoot(opts, withUser);
        if (gen !== generation) return false;
        settings = result.settings;
        visitor = { identified: result.identified, email: result.email };
        setToken(result.token);
        return true;
      } catch (err) {
        report(err);
        if (err instanceof ApiError && err.code === 'invalid_user_hash' && withUser) {
          withUser = false;
          continue;
        }
        if (!(err instanceof ApiError) || (err.code !== 'network' && err.status < 500)) return false;
        await new Promise((r) => setTimeout(r, Math.min(60_000, 2_000 * 2 ** Math.min(attempt, 5))));
      }
    }
    return false;
  }

  function bridge(opts: BootOptions, s: WidgetSettings): WidgetBridge {
    return {
      apiBase,
      appId: opts.appId,
      locale: opts.locale ?? (typeof navigator !== 'undefined' ? navigator.language : 'en'),
      launcher: opts.launcher ?? 'default',
      theme: opts.theme,
      settings: s,
      token: () => token,
      contact: () => visitor,
      onTokenChange(cb) {
        tokenListeners.add(cb);
        return () => tokenListeners.delete(cb);
      },
      onActivity(cb) {
        activityListeners.add(cb);
        return () => activityListeners.delete(cb);
      },
      async refreshToken() {
        if (!options) return null;
        const ok = await runBoot(options, generation);
        return ok ? token : null;
      },
      emit: (event, payload) => emitter.emit(event, payload),
      report,
    };
  }

  /** The widget, loaded on first need (or at idle when our launcher is shown). */
  function withWidget(run?: (w: WidgetControl) => void): void {
    const gen = generation;
    widget ??= booted.then(async (ok) => {
      if (!ok || !options || !settings || gen !== generation) return null;
      const mod = await loadWidgetModule(apiBase);
      if (gen !== generation) return null;
      return mod.mountWidget(bridge(options, settings));
    });
    widget.then((w) => w && run?.(w)).catch((err: unknown) => {
      widget = null;
      report(err);
    });
  }

  /** `startTour(id)` / `startSurvey(id)`: shown now by the widget (loaded for it when needed). */
  function starter(command: 'startTour' | 'startSurvey'): (id: string) => void {
    return safe((id: string) => {
      if (typeof id !== 'string' || !id) throw new Error(`${command} needs an id`);
      withWidget((w) => w[command](id));
    });
  }

  function safe<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
    return (...args: A) => {
      try {
        fn(...args);
      } catch (err) {
        report(err);
      }
    };
  }

  /** Another tab identified or logged out: follow it, so every tab is the same visitor. */
  function followOtherTabs(appId: string): () => void {
    if (typeof window === 'undefined') return () => {};
    const key = `parley:${appId}:token`;
    const onStorage = (e: StorageEvent) => {
      if (e.key !== key || e.newValue === token) return;
      if (e.newValue) setToken(e.newValue);
      else api.shutdown();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }

  function teardown() {
    generation++;
    stopPageTracking?.();
    stopPageTracking = null;
    stopFollowingTabs?.();
    stopFollowingTabs = null;
    widget?.then((w) => w?.destroy()).catch(() => {});
    widget = null;
    settings = null;
  }

  const api: MessengerApi = {
    boot: safe((opts: BootOptions) => {
      if (!opts || typeof opts.appId !== 'string' || !opts.appId) throw new Error('boot needs { appId }');
      teardown();
      options = opts;
      apiBase = (opts.apiBase ?? defaultApiBase).replace(/\/$/, '');
      storage = createStorage(`parley:${opts.appId}:`);
      token = storage.get('token');
      stopFollowingTabs = followOtherTabs(opts.appId);
      const gen = generation;
      booted = runBoot(opts, gen);
      booted.then((ok) => {
        if (!ok || gen !== generation) return;
        emitter.emit('ready', undefined);
        api.page();
        stopPageTracking = trackPageChanges(() => api.page());
        // The inbox's element picker opens this page with its token in the fragment: the widget runs the picker.
        if ((opts.launcher ?? 'default') !== 'none' || (typeof location !== 'undefined' && location.hash.includes('parley-picker='))) {
          const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
          if (idle) idle(() => withWidget(), { timeout: 2_000 });
          else setTimeout(() => withWidget(), 200);
        }
      }, report);
    }),

    identify: safe((userId: string | null, traits?: Props, opts?: IdentifyOptions) => {
      const identityToken = opts?.identityToken;
      if (!(typeof userId === 'string' && userId) && !identityToken) throw new Error('identify needs a userId or an identityToken');
      const gen = generation;
      booted.then(async (ok) => {
        if (!ok || gen !== generation || !token) return;
        const result = await postJson<IdentifyResult>(apiBase, 'identify', { token, userId: userId || undefined, traits, userHash: opts?.userHash, identityToken });
        if (gen !== generation) return;
        visitor = { identified: true, email: visitor.email };
        setToken(result.token);
      }).catch(report);
    }),

    track: safe((name: string, properties?: Props) => {
      if (typeof name !== 'string' || !name || name.length > 100) throw new Error('track needs an event name (1–100 characters)');
      batcher.add({ type: 'track', name, props: properties });
      announce({ type: 'track', name });
    }),

    page: safe((properties?: Props) => {
      if (typeof location === 'undefined') return;
      batcher.add({ type: 'page', name: (document.title || location.pathname).slice(0, 100), url: location.href, props: properties });
      announce({ type: 'page', url: location.href });
    }),

    show: safe(() => withWidget((w) => w.show())),
    hide: safe(() => withWidget((w) => w.hide())),
    toggle: safe(() => withWidget((w) => w.toggle())),
    showNewMessage: safe((text?: string) => withWidget((w) => w.showNewMessage(typeof text === 'string' ? text : undefined))),
    startTour: starter('startTour'),
    startSurvey: starter('startSurvey'),

    on: safe((event, cb) => {
      if (typeof cb === 'function') emitter.on(event, cb);
    }),
    off: safe((event, cb) => emitter.off(event, cb)),

    consent: safe((granted: boolean) => {
      batcher.setEnabled(Boolean(granted));
      if (!granted) storage.remove('events');
    }),

    shutdown: safe(() => {
      teardown();
      options = null;
      booted = Promise.resolve(false);
      batcher.setEnabled(false);
      setToken(null);
      storage.remove('events');
      batcher.setEnabled(true);
    }),
  };
  return api;
}
