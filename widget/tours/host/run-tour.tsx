/**
 * One tour running on the host page (the lazy tours chunk): the TourRunner
 * fed by this page (its URL, elements found by waitForElement), drawn in its
 * own layer of the widget's shadow root, with every step reported to the
 * server (`tour:progress`) so the next page load resumes where the user is.
 * The in-app engine decides when a tour shows (targeting, triggers, send
 * limits, `Messenger.startTour`); this decides nothing about that.
 */
import { render } from 'preact';
import type { Ack } from '../../../protocol/ack.js';
import type { TourEnding, TourProgress, WidgetTour } from '../../../protocol/tours/models.js';
import type { ShadowHost } from '../../host/shadow-host.js';
import type { Strings } from '../../i18n/index.js';
import { INAPP_CSS } from '../../inapp/ui/styles.js';
import { TourRunner } from '../state/tour-runner.js';
import { TOURS_CSS } from '../ui/styles.js';
import { TourView } from '../ui/TourView.js';
import { waitForElement } from './wait-for-element.js';

export interface RunTourOptions {
  host: Pick<ShadowHost, 'addLayer' | 'addStyles'>;
  tour: WidgetTour;
  deliveryId: string;
  strings: Strings;
  dir: 'ltr' | 'rtl';
  request(event: 'tour:progress', payload: TourProgress): Promise<Ack<unknown> | null>;
  onEnd(reason: TourEnding): void;
  onError(err: unknown): void;
}

export interface TourRun {
  /** An SPA route change or page view: a step that belongs on that page shows. */
  setPage(url: string): void;
  /** Taken off the page without an ending (the engine closed it). */
  stop(): void;
}

function pageOf(url: string) {
  try {
    return { url, path: new URL(url, location.href).pathname };
  } catch {
    return { url: location.href, path: location.pathname };
  }
}

export function runTour(opts: RunTourOptions): TourRun {
  // The in-app base sheet carries the theme variables the tour's sheet uses.
  opts.host.addStyles(INAPP_CSS);
  const layer = opts.host.addLayer('inapp pt-layer', TOURS_CSS);
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    render(null, layer);
    layer.remove();
  };
  const runner: TourRunner = new TourRunner({
    deliveryId: opts.deliveryId,
    tour: opts.tour,
    page: pageOf(location.href),
    findElement: waitForElement,
    report: (progress) => {
      opts.request('tour:progress', progress).catch(opts.onError);
    },
    onChange: (state) => {
      if (removed) return;
      render(
        <TourView state={state} strings={opts.strings} dir={opts.dir} onNext={() => runner.next()} onBack={() => runner.back()} onDismiss={() => runner.dismiss()} />,
        layer,
      );
    },
    onEnd: (reason) => {
      // The view got its last state (focus goes back); then the layer goes.
      queueMicrotask(remove);
      opts.onEnd(reason);
    },
  });
  runner.start();
  return {
    setPage: (url) => runner.setPage(pageOf(url)),
    stop: () => {
      runner.stop();
      remove();
    },
  };
}
