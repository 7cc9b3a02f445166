/**
 * In-app messages on the host page: connects the engine to this tab's
 * connection, the SDK's page/track activity and the DOM (tooltip anchors,
 * the current URL), and renders what is showing in its own layer of the
 * shadow root. The views and their CSS are a separate chunk, loaded the first
 * time something is shown: most page views show nothing.
 */
import { render } from 'preact';
import type { EligibleMessage } from '../../../protocol/content/models.js';
import type { ContentSnapshot } from '../../../protocol/content/models.js';
import type { WidgetBridge } from '../../../sdk/bridge.js';
import type { ShadowHost } from '../../host/shadow-host.js';
import type { Strings } from '../../i18n/index.js';
import type { ChatClient } from '../../state/chat-client.js';
import { InAppClient, type InAppState } from '../state/in-app-client.js';

type Views = typeof import('../ui/index.js');
type SurveyViews = typeof import('../../surveys/ui/index.js');
type TourRun = import('../../tours/host/run-tour.js').TourRun;

export interface InAppMountOptions {
  host: ShadowHost;
  client: ChatClient;
  bridge: WidgetBridge;
  strings: Strings;
  dir: 'ltr' | 'rtl';
  /** Which side the launcher is on, and whether ours is shown at all (cards sit above it). */
  launcher: { side: 'left' | 'right'; shown: boolean };
  /** A chat message was opened: the messenger shows it, ready for a reply. */
  openChat(message: EligibleMessage, deliveryId: string): void;
}

function currentPage() {
  return { url: location.href, path: location.pathname };
}

function pageOf(url: string) {
  try {
    return { url, path: new URL(url).pathname };
  } catch {
    return currentPage();
  }
}

/** A selector typed by an admin may be invalid: that is "no element", not an exception. */
function findAnchor(selector: string): Element | null {
  try {
    return document.querySelector(selector);
  } catch {
    return null;
  }
}

const REQUEST_TIMEOUT_MS = 10_000;

export interface InAppControl {
  start(kind: 'survey' | 'tour', id: string): void;
  stop(): void;
}

export function mountInApp(opts: InAppMountOptions): InAppControl {
  const { host, client, bridge, strings } = opts;
  let shared: ReturnType<ChatClient['shareConnection']> | null = null;
  const engine = new InAppClient({
    server: { request: (event, payload) => shared?.request(event, payload, REQUEST_TIMEOUT_MS) ?? Promise.resolve(null) },
    quietPages: bridge.settings.quietPages ?? [],
    page: currentPage(),
    schedule: (ms, run) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
    hasAnchor: (selector) => findAnchor(selector) !== null,
    onShown: (message) => bridge.emit('messageShown', { id: message.id }),
    onSurveyCompleted: (id) => bridge.emit('surveyCompleted', { id }),
  });
  shared = client.shareConnection({
    onStatus: (connected) => {
      if (connected) engine.refresh().catch((err: unknown) => bridge.report(err));
    },
    onEvent: (event, payload) => {
      if (event === 'content:changed') engine.setSnapshot(payload as ContentSnapshot);
    },
  });
  // Surveys answered to the end: closing their thank-you is not a dismissal.
  const completedSurveys = new Set<string>();
  // Tours on screen, by delivery: each runs in the lazy tours chunk.
  const tours = new Map<string, Promise<TourRun | null>>();
  const movePage = (url: string) => {
    engine.setPage(pageOf(url));
    tours.forEach((run) => void run.then((r) => r?.setPage(url)));
  };
  const offActivity = bridge.onActivity((activity) => (activity.type === 'page' ? movePage(activity.url) : engine.tracked(activity.name)));
  // SPA route changes the SDK did not see (hash changes) still move the page.
  const onHash = () => movePage(location.href);
  window.addEventListener('hashchange', onHash);

  const syncTours = (state: InAppState) => {
    tours.forEach((run, id) => {
      if (state.showing.some((s) => s.deliveryId === id)) return;
      tours.delete(id);
      void run.then((r) => r?.stop());
    });
    for (const { message, deliveryId } of state.showing) {
      const tour = message.tour;
      if (!tour || tours.has(deliveryId)) continue;
      const started: Promise<TourRun | null> = import('../../tours/host/run-tour.js').then(
        (m) =>
          // Closed while the chunk loaded: nothing to run.
          tours.get(deliveryId) === started
            ? m.runTour({
                host,
                tour,
                deliveryId,
                strings,
                dir: opts.dir,
                request: (event, payload) => shared?.request(event, payload, REQUEST_TIMEOUT_MS) ?? Promise.resolve(null),
                onEnd: (reason) => {
                  engine.close(deliveryId);
                  if (reason === 'completed') bridge.emit('tourCompleted', { id: message.id });
                },
                onError: (err) => bridge.report(err),
              })
            : null,
        (err: unknown) => {
          bridge.report(err);
          return null;
        },
      );
      tours.set(deliveryId, started);
    }
  };

  let layer: HTMLElement | null = null;
  let views: Promise<Views> | null = null;
  let surveyViews: Promise<SurveyViews> | null = null;
  const draw = (state: InAppState) => {
    syncTours(state);
    if (!state.showing.some((s) => s.message.format !== 'tour') && !layer) return;
    views ??= import('../ui/index.js');
    // Surveys are their own chunk, loaded the first time one shows (DESIGN.md §6).
    if (state.showing.some((s) => s.message.format === 'survey')) {
      surveyViews ??= import('../../surveys/ui/index.js').then((m) => {
        host.addStyles(m.SURVEYS_CSS);
        return m;
      });
    }
    Promise.all([views, surveyViews]).then(([v, sv]) => {
      layer ??= host.addLayer(['inapp', opts.launcher.side === 'left' ? 'left' : '', opts.launcher.shown ? '' : 'no-launcher'].filter(Boolean).join(' '), v.INAPP_CSS);
      render(
        <>
          {engine.state.showing.filter((s) => s.message.format !== 'tour').map(({ message, deliveryId }) =>
            message.format === 'survey' && message.survey ? (
              sv && (
                <sv.SurveyView
                  key={deliveryId}
                  survey={message.survey}
                  strings={strings}
                  onAnswer={(answers, completed) => {
                    if (completed) completedSurveys.add(deliveryId);
                    void engine.answer(deliveryId, answers, completed);
                  }}
                  onDismiss={() => (completedSurveys.has(deliveryId) ? engine.close(deliveryId) : engine.report(deliveryId, 'dismissed'))}
                />
              )
            ) : (
              <v.InAppMessageView
                key={deliveryId}
                message={message}
                strings={strings}
                anchor={message.selector ? findAnchor(message.selector) : null}
                onOpen={() => {
                  engine.report(deliveryId, 'opened');
                  opts.openChat(message, deliveryId);
                }}
                onClick={() => engine.report(deliveryId, 'clicked')}
                onDismiss={() => engine.report(deliveryId, 'dismissed')}
              />
            ),
          )}
        </>,
        layer as HTMLElement,
      );
      // A bottom banner spans the page's foot: lift our launcher above it.
      const bottomBanner = (layer as HTMLElement).querySelector('.pm-banner-bottom');
      host.liftLauncher(bottomBanner ? bottomBanner.getBoundingClientRect().height : 0);
    }, (err: unknown) => {
      views = null;
      surveyViews = null;
      bridge.report(err);
    });
  };
  const offState = engine.subscribe(draw);

  return {
    start: (kind, id) => {
      engine.start(kind, id).then((ok) => ok || bridge.report(new Error(`${kind} ${id} could not be started`)), (err: unknown) => bridge.report(err));
    },
    stop: () => {
      tours.forEach((run) => void run.then((r) => r?.stop()));
      offState();
      offActivity();
      window.removeEventListener('hashchange', onHash);
      shared?.stop();
      engine.stop();
      if (layer) render(null, layer);
    },
  };
}
