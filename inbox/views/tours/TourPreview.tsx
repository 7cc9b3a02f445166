/**
 * The tour's live preview: the widget's own `TourStepView` in a shadow root
 * with the widget's stylesheets (`WidgetShadow`), on a mock host page, showing
 * the step chosen in the form. Same code and CSS as on a customer's site.
 * Unlike the message and survey previews it is not `inert`: its Next and
 * Back walk through the steps (links in it don't navigate).
 *
 * Without a page to point into, every step shows as a centred card
 * (`anchor` null); a tooltip's or spotlight's selector is named above it.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { TourStep } from '../../../protocol/tours/models.js';
import { pickLocale } from '../../../widget/i18n/index.js';
import { INAPP_CSS } from '../../../widget/inapp/ui/index.js';
import { TOURS_CSS, TourStepView } from '../../../widget/tours/ui/index.js';
import { isAnchored, STEP_KIND_LABELS } from '../../state/tour-draft.js';
import { WidgetShadow } from '../content/WidgetShadow.js';

const strings = pickLocale('en').strings;
const ignore = (): void => undefined;
const CSS = [INAPP_CSS, TOURS_CSS];

export interface TourPreviewProps {
  /** The steps as the widget gets them. */
  steps: readonly TourStep[];
  /** The step shown. */
  index: number;
  onIndex(index: number): void;
  brand: string;
}

export function TourPreview({ steps, index, onIndex, brand }: TourPreviewProps) {
  const pageRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    pageRef.current?.style.setProperty('--preview-brand', brand);
  }, [brand]);
  const step = steps[index] as TourStep | undefined;
  const total = steps.length;

  return (
    <figure class="message-preview tour-preview">
      <figcaption class="settings__section-title">Preview</figcaption>
      <p class="settings__hint">
        {step
          ? `Step ${index + 1} of ${total} · ${STEP_KIND_LABELS[step.kind]}${isAnchored(step.kind) ? `, beside ${step.selector || 'its element'} on your site` : ''}.`
          : 'Add a step to see it here.'}
      </p>
      <div
        class="message-preview__page tour-preview__page"
        ref={pageRef}
        onClickCapture={(event) => {
          // A picture of the step: its links would open the customer's pages from the inbox.
          if (event.composedPath().some((node) => node instanceof HTMLAnchorElement)) event.preventDefault();
        }}
      >
        <div class="message-preview__mock" aria-hidden="true">
          <span class="message-preview__nav" />
          {step && isAnchored(step.kind) && <span class="message-preview__anchor">{step.selector || 'Element'}</span>}
          <span class="message-preview__line" />
          <span class="message-preview__line message-preview__line--short" />
          <span class="message-preview__line" />
        </div>
        {step && (
          <WidgetShadow css={CSS} brand={brand} class="message-preview__host tour-preview__host" testId="tour-preview">
            <TourStepView
              step={step}
              index={index}
              total={total}
              anchor={null}
              strings={strings}
              dir="ltr"
              canBack={index > 0}
              onNext={() => onIndex(Math.min(index + 1, total - 1))}
              onBack={() => onIndex(Math.max(0, index - 1))}
              onDismiss={ignore}
              preview
            />
          </WidgetShadow>
        )}
      </div>
    </figure>
  );
}
