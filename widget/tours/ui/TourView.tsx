/**
 * What a running tour shows, straight from the TourRunner's state: the
 * current step's card (and the spotlight backdrop for spotlight steps) while
 * a step is showing, nothing while the tour waits for a page or an element.
 * It also gives focus back, when the tour ends, to what had it before the
 * tour first showed (see focus.ts for when it does not).
 *
 * Render it inside the `.inapp` layer, whose theme variables TOURS_CSS uses.
 *
 * @example
 * <div class="inapp" dir={dir} lang={lang}>
 *   <TourView state={runner.state} strings={strings} dir={dir}
 *     onNext={() => runner.next()} onBack={() => runner.back()} onDismiss={() => runner.dismiss()} />
 * </div>
 */
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { Strings } from '../../i18n/index.js';
import type { TourRunnerState } from '../state/tour-runner.js';
import { rememberFocus, type RestoreFocus } from './focus.js';
import { Spotlight } from './Spotlight.js';
import { TourStepView } from './TourStepView.js';

export interface TourViewProps {
  state: TourRunnerState;
  strings: Strings;
  dir: 'ltr' | 'rtl';
  onNext(): void;
  onBack(): void;
  onDismiss(): void;
  /** A link in a step's body was clicked (informational). */
  onLink?(url: string): void;
}

export function TourView({ state, strings, dir, onNext, onBack, onDismiss, onLink }: TourViewProps) {
  const { step, anchor } = state;
  // Never a card pointing at nothing, whatever state it is handed.
  const showing = state.status === 'showing' && step !== null && (step.kind === 'post' || anchor !== null);
  const layerRef = useRef<HTMLElement>(null);
  const restoreRef = useRef<RestoreFocus | null>(null);

  // A layout effect: it runs before the card's own (passive) effect moves focus into it.
  useLayoutEffect(() => {
    if (showing && !restoreRef.current) restoreRef.current = rememberFocus();
  }, [showing]);

  useEffect(() => {
    if (state.status !== 'ended') return;
    restoreRef.current?.(layerRef.current);
    restoreRef.current = null;
  }, [state.status]);

  // Unmounted mid-tour (the host stopped it): the same courtesy.
  useEffect(() => () => restoreRef.current?.(layerRef.current), []);

  if (!showing || !step) return null;
  const pointed = step.kind === 'post' ? null : anchor;
  return (
    <section ref={layerRef} class="pt-tour" aria-label={strings.tourLabel}>
      {step.kind === 'spotlight' && pointed && <Spotlight anchor={pointed} interactive={step.advance === 'click'} />}
      <TourStepView
        // A fresh card per step: no position, image state or focus carried over from the last one.
        key={state.index}
        step={step}
        index={state.index}
        total={state.total}
        anchor={pointed}
        strings={strings}
        dir={dir}
        canBack={state.canBack}
        onNext={onNext}
        onBack={onBack}
        onDismiss={onDismiss}
        onLink={onLink}
      />
    </section>
  );
}
