/**
 * The controls the in-app formats share: the call-to-action button, the close
 * (×) button and the header image. URLs are admin-set and validated on the
 * server; they pass `safeUrl` again here because an href/src is the one place
 * they become a navigation or a request.
 */
import { useState } from 'preact/hooks';
import type { MessageButton } from '../../../protocol/content/models.js';
import { safeUrl } from '../../markdown/safe-url.js';
import { CloseIcon } from '../../ui/icons.js';

export interface CtaButtonProps {
  button: MessageButton | null;
  onClick(url: string | null): void;
  class?: string;
}

/**
 * With a URL: a real link (new tab, no opener, no referrer), so middle-click,
 * "copy link" and the browser's own navigation all work; `onClick` only reports.
 * Without one (or with a URL that fails the allowlist): a button that reports
 * a click with no URL; the engine decides what happens next (usually: close).
 */
export function CtaButton({ button, onClick, class: extra }: CtaButtonProps) {
  if (!button) return null;
  const cls = extra ? `pm-cta ${extra}` : 'pm-cta';
  const href = button.url ? safeUrl(button.url, 'link') : null;
  if (href) {
    return (
      <a class={cls} href={href} target="_blank" rel="noopener noreferrer" onClick={() => onClick(href)}>
        {button.label}
      </a>
    );
  }
  return (
    <button type="button" class={cls} onClick={() => onClick(null)}>
      {button.label}
    </button>
  );
}

export interface CloseButtonProps {
  label: string;
  onClick(): void;
  class?: string;
}

export function CloseButton({ label, onClick, class: extra }: CloseButtonProps) {
  return (
    <button
      type="button"
      class={extra ? `pm-close ${extra}` : 'pm-close'}
      aria-label={label}
      onClick={() => onClick()}
    >
      <CloseIcon />
    </button>
  );
}

/** A decorative header image (alt=""): the body carries the meaning. Hidden if it fails to load. */
export function MessageImage({ url }: { url: string | null }) {
  const [broken, setBroken] = useState(false);
  const src = url ? safeUrl(url, 'image') : null;
  if (!src || broken) return null;
  return (
    <img
      class="pm-image"
      src={src}
      alt=""
      decoding="async"
      // The host page's URL is none of the image host's business.
      referrerpolicy="no-referrer"
      onError={() => setBroken(true)}
    />
  );
}
