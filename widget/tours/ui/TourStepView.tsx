/**
 * One step of a product tour: a card beside its element (tooltip and
 * spotlight steps) or centred on the screen (post steps, `anchor` null).
 * A non-modal dialog (DESIGN.md §2: "a tour step is a dialog with Next /
 * Done"), named by its title, else "Step n of m".
 *
 * Keyboard, on the card (not the document: keys pressed in the host page
 * are the host page's), where focus is moved when the step shows:
 * Esc ends the tour; ArrowRight / ArrowLeft go forward / back, swapped in
 * RTL. The forward arrow never completes the tour (only "Done" does) and
 * does nothing on a click-to-advance step, whose element is the way on.
 *
 * @example
 * <TourStepView step={s} index={1} total={4} anchor={el} strings={strings} dir="ltr"
 *   canBack onNext={next} onBack={back} onDismiss={dismiss} />
 */
import { useEffect, useId, useLayoutEffect, useRef } from 'preact/hooks';
import type { TourStep } from '../../../protocol/tours/models.js';
import type { Strings } from '../../i18n/index.js';
import { MessageBody } from '../../inapp/ui/MessageBody.js';
import { CloseButton, MessageImage } from '../../inapp/ui/MessageControls.js';
import { floatBeside } from './float-beside.js';
import { revealElement } from './reveal.js';
import { useAdvanceOnClick } from './use-advance-on-click.js';

export interface TourStepViewProps {
  step: TourStep;
  /** 0-based. */
  index: number;
  total: number;
  /** The element the card points at; null: a centred card (post steps). */
  anchor: Element | null;
  strings: Strings;
  dir: 'ltr' | 'rtl';
  /** Offer Back (default: not the first step). The runner's `canBack` also knows the page. */
  canBack?: boolean;
  onNext(): void;
  onBack(): void;
  /** Skip tour (×, Esc). */
  onDismiss(): void;
  /** A link in the body was clicked (informational: the link navigates on its own). */
  onLink?(url: string): void;
  /** The inbox editor's preview: a static card that never takes focus (the author is typing beside it). */
  preview?: boolean;
}

const ignoreLink = () => {};

export function TourStepView(props: TourStepViewProps) {
  const { step, index, total, anchor, strings, dir, onNext, onBack, onDismiss } = props;
  const cardRef = useRef<HTMLDivElement>(null);
  const arrowRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const progressId = useId();
  const canBack = props.canBack ?? index > 0;
  const last = index >= total - 1;
  // Only an element can be clicked: a post step always has its button.
  const clickToAdvance = step.advance === 'click' && anchor !== null;
  const progress = total > 1 ? strings.tourStep(index + 1, total) : '';

  useAdvanceOnClick(anchor, onNext, clickToAdvance);

  // Before the first paint of the step: the page scrolls while the card is still unplaced.
  useLayoutEffect(() => {
    if (anchor) revealElement(anchor);
  }, [anchor]);

  useEffect(() => {
    const card = cardRef.current;
    if (!anchor || !card) return;
    return floatBeside(anchor, card, { placement: step.placement, dir, arrow: arrowRef.current });
  }, [anchor, step.placement, dir]);

  // Into the card as each step shows: a screen reader reads it, and the keys below work at once.
  // Not when only the element changes (found again after a re-render): the user may be typing in the page.
  // (preventScroll: an unplaced card sits at the viewport's corner, no reason to scroll.)
  useEffect(() => {
    if (!props.preview) cardRef.current?.focus({ preventScroll: true });
  }, [index]);

  const onKeyDown = (event: KeyboardEvent) => {
    // A key the tour used is not also the host page's (its own Esc-closes-the-modal, say).
    const handled = () => {
      event.preventDefault();
      event.stopPropagation();
    };
    if (event.key === 'Escape') {
      handled();
      onDismiss();
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const forward = dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    if (event.key === forward && !last && !clickToAdvance) {
      handled();
      onNext();
    } else if (event.key === backward && canBack) {
      handled();
      onBack();
    }
  };

  return (
    <div
      ref={cardRef}
      class={`pt-card ${anchor ? 'pt-anchored' : 'pt-post'}${props.preview ? ' pt-preview' : ''}`}
      role="dialog"
      aria-modal="false"
      aria-labelledby={step.title ? titleId : undefined}
      aria-label={step.title ? undefined : progress || strings.tourLabel}
      // Titled: the progress is read after the name. Untitled, it is the name already.
      aria-describedby={step.title && progress ? progressId : undefined}
      tabIndex={-1}
      data-step-id={step.id}
      // Before Floating UI's first pass it sits below its element.
      data-side={anchor ? 'bottom' : undefined}
      onKeyDown={onKeyDown}
    >
      {anchor && <div ref={arrowRef} class="pt-arrow" aria-hidden="true" />}
      <CloseButton class="pt-close" label={strings.tourSkip} onClick={onDismiss} />
      <MessageImage url={step.image_url ?? null} />
      <div class="pt-content">
        {step.title && (
          <h2 id={titleId} class="pt-title">
            {step.title}
          </h2>
        )}
        <MessageBody body={step.body} onLink={props.onLink ?? ignoreLink} />
      </div>
      <div class="pt-foot">
        {/* Always in the tree, so a change is announced (a new live region is not). */}
        <p id={progressId} class="pt-progress" aria-live="polite">
          {progress}
        </p>
        <div class="pt-actions">
          {canBack && (
            <button type="button" class="pt-back" onClick={() => onBack()}>
              {strings.tourBack}
            </button>
          )}
          {!clickToAdvance && (
            <button type="button" class="pm-cta pt-next" onClick={() => onNext()}>
              {last ? strings.tourDone : strings.tourNext}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
