/**
 * The Messenger object behind `window.Messenger` and `import { Messenger }`.
 * Every public method is wrapped: whatever goes wrong inside (bad input, server
 * down, a bug of ours) is reported to the console and `on('error')`, and never
 * thrown into the host page.
 *
 * Consent mode (docs/privacy.md): a browser with neither a visitor token nor a
 * given consent first asks whether the workspace requires consent; if so the
 * SDK stores and sends nothing until `consent(true)` ("waiting"), except that
 * the messenger may be opened for a chat kept in memory when the workspace
 * allows it. `consent(false)` there deletes what the browser holds.
 */
import type { BootResult, IdentifyResult, WidgetSettings } from '../protocol/index.js';
import { ApiError, postJson } from './api-client.js';
import { bootWithRetry, untilAnswered } from './boot-retry.js';
import type { PageActivity, WidgetBridge, WidgetControl } from './bridge.js';
import { createEmitter } from './emitter.js';
import { createEventBatcher, type EventBatcher } from './event-batcher.js';
import { fetchWidgetSettings, wipeBrowserData } from './consent.js';
import { deviceInfo } from './device.js';
import { trackPageChanges } from './page-tracker.js';
import { followOtherTabs } from './tab-sync.js';
import { createStorage, type KeyValueStore } from './storage.js';
import type { BootOptions, IdentifyOptions, MessengerApi } from './types.js';
import { loadWidgetModule } from './widget-loader.js';

type Props = Record<string, string | number | boolean | null>;

export { utcOffset } from './device.js';

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
  /** Off until the workspace's mode is known, and while consent is required and not given. */
  let mayPersist = false;
  let storage: KeyValueStore = createStorage('parley:', () => mayPersist);
  /** What the host said (`consent()`); null: nothing yet. */
  let consent: boolean | null = null;
  /** Consent required, not given: nothing stored or sent (a chat may be opened, kept in memory). */
  let waiting = false;
  /** An identify() made while waiting, replayed once consent is given. */
  let pendingIdentify: Parameters<MessengerApi['identify']> | null = null;
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

  async function callBoot(opts: BootOptions, withUser: boolean): Promise<BootResult> {
    return postJson<BootResult>(apiBase, 'boot', {
      appId: opts.appId,
      token: token ?? undefined,
      locale: opts.locale ?? (typeof navigator !== 'undefined' ? navigator.language : undefined),
      user: withUser ? opts.user : undefined,
      // A chat before consent tells the server no more than it needs to answer.
      device: waiting ? undefined : deviceInfo(),
    });
  }

  function enterWaiting(s: WidgetSettings): boolean {
    waiting = true;
    mayPersist = false;
    settings = s;
    token = null;
    visitor = { identified: false, email: null };
    batcher.setEnabled(false);
    return Boolean(s.chatBeforeConsent);
  }

  /** Resolves true once the messenger can run: booted, or waiting for consent with a chat allowed. */
  async function start(opts: BootOptions, gen: number): Promise<boolean> {
    waiting = false;
    const granted = consent ?? (storage.get('consent') === '1' || null);
    // First visit, or consent refused: the workspace's mode decides before anything is sent.
    if (granted === false || (granted === null && !token)) {
      const s = await untilAnswered(() => fetchWidgetSettings(apiBase, opts.appId), () => gen === generation, report);
      if (!s) return false;
      if (s.requireConsent && consent !== true) {
        if (granted === false) wipeBrowserData(opts.appId);
        return enterWaiting(s);
      }
    }
    mayPersist = true;
    if (consent === true) storage.set('consent', '1');
    batcher.setEnabled(consent !== false);
    const ok = await runBoot(opts, gen);
    // A token from before the workspace turned consent mode on: it goes.
    if (ok && settings?.requireConsent && granted !== true && consent !== true) {
      wipeBrowserData(opts.appId);
      return enterWaiting(settings);
    }
    return ok;
  }

  /** Boots, retrying while the server is unreachable; a wrong userHash falls back to anonymous. */
  async function runBoot(opts: BootOptions, gen: number): Promise<boolean> {
    const result = await bootWithRetry({ call: (withUser) => callBoot(opts, withUser), withUser: Boolean(opts.user), live: () => gen === generation, report });
    if (!result) return false;
    settings = result.settings;
    visitor = { identified: result.identified, email: result.email };
    setToken(result.token);
    return true;
  }

  function bridge(opts: BootOptions, s: WidgetSettings): WidgetBridge {
    return {
      apiBase,
      appId: opts.appId,
      locale: opts.locale ?? (typeof navigator !== 'undefined' ? navigator.language : 'en'),
      launcher: opts.launcher ?? 'default',
      theme: opts.theme,
      settings: s,
      ephemeral: waiting,
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

  /** Another tab identified, logged out, or changed consent: follow it, so every tab is the same visitor. */
  const followTabs = (appId: string) =>
    followOtherTabs(appId, { token: () => token, onToken: setToken, onLogout: () => api.shutdown(), onConsent: (granted) => api.consent(granted) });

  function restart(): void {
    if (!options) return;
    teardown();
    stopFollowingTabs = followTabs(options.appId);
    launch(options);
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

  /** Boots (or waits for consent), then page views, and the widget at idle when our launcher shows. */
  function launch(opts: BootOptions): void {
    const gen = generation;
    booted = start(opts, gen);
    booted.then((ok) => {
      if (!ok || gen !== generation) return;
      emitter.emit('ready', undefined);
      if (!waiting) {
        api.page();
        stopPageTracking = trackPageChanges(() => api.page());
        const identify = pendingIdentify;
        pendingIdentify = null;
        if (identify) api.identify(...identify);
      }
      // The inbox's element picker opens this page with its token in the fragment: the widget runs the picker.
      if ((opts.launcher ?? 'default') !== 'none' || (typeof location !== 'undefined' && location.hash.includes('parley-picker='))) {
        const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
        if (idle) idle(() => withWidget(), { timeout: 2_000 });
        else setTimeout(() => withWidget(), 200);
      }
    }, report);
  }

  const api: MessengerApi = {
    boot: safe((opts: BootOptions) => {
      if (!opts || typeof opts.appId !== 'string' || !opts.appId) throw new Error('boot needs { appId }');
      teardown();
      options = opts;
      apiBase = (opts.apiBase ?? defaultApiBase).replace(/\/$/, '');
      storage = createStorage(`parley:${opts.appId}:`, () => mayPersist);
      token = storage.get('token');
      launch(opts);
    }),

    identify: safe((userId: string | null, traits?: Props, opts?: IdentifyOptions) => {
      const identityToken = opts?.identityToken;
      if (!(typeof userId === 'string' && userId) && !identityToken) throw new Error('identify needs a userId or an identityToken');
      if (waiting) {
        pendingIdentify = [userId, traits, opts];
        return;
      }
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
      const was = consent;
      consent = Boolean(granted);
      if (!waiting) batcher.setEnabled(consent);
      if (!consent) storage.remove('events');
      if (!options || was === consent) return;
      if (consent && (waiting || settings?.requireConsent)) {
        // Given: from now on what the visitor has (a chat's token too) is kept, and tracking starts.
        mayPersist = true;
        storage.set('consent', '1');
        if (token) storage.set('token', token);
        if (waiting) restart();
      } else if (!consent && (waiting || settings?.requireConsent)) {
        // Withdrawn: stop, and delete what the browser holds; the messenger waits for consent again.
        teardown();
        mayPersist = false;
        token = null;
        pendingIdentify = null;
        wipeBrowserData(options.appId);
        restart();
      }
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
