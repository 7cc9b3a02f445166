/**
 * The messenger panel's header: the team's faces (up to three), the workspace
 * name and its greeting, with "back" and "close" buttons on either side.
 * Avatar URLs are admin-set and checked on the server; they are checked again
 * here (http(s) only) because an <img src> is the one place they become a request.
 */
import { useState } from 'preact/hooks';
import type { TeamAvatar, WidgetSettings } from '../../protocol/index.js';
import type { Strings } from '../i18n/index.js';
import { safeUrl } from '../markdown/safe-url.js';
import { BackIcon, CloseIcon } from './icons.js';
import { replyTimeText } from './reply-time.js';

export const MAX_HEADER_AVATARS = 3;

export interface HeaderProps {
  settings: WidgetSettings;
  strings: Strings;
  lang: string;
  /** Shown only when given (a conversation is open and there is a list to go back to). */
  onBack?: () => void;
  onClose: () => void;
  backLabel: string;
  closeLabel: string;
}

/** The first avatars that have a usable URL and have not failed to load. */
export function visibleAvatars(avatars: readonly TeamAvatar[] | undefined, broken: ReadonlySet<string>): Array<{ name: string; src: string }> {
  const shown: Array<{ name: string; src: string }> = [];
  for (const avatar of avatars ?? []) {
    const src = safeUrl(avatar.url, 'image');
    if (!src || broken.has(src) || shown.some((a) => a.src === src)) continue;
    shown.push({ name: avatar.name, src });
    if (shown.length === MAX_HEADER_AVATARS) break;
  }
  return shown;
}

export function Header({ settings, strings, lang, onBack, onClose, backLabel, closeLabel }: HeaderProps) {
  // A broken image is dropped (the next teammate takes its place) rather than shown as a broken icon.
  const [broken, setBroken] = useState<ReadonlySet<string>>(() => new Set());
  const avatars = visibleAvatars(settings.teamAvatars, broken);
  const replyTime = replyTimeText(settings.replyTime, strings, lang);

  return (
    <div class="header">
      {onBack && (
        <button type="button" class="icon-btn" aria-label={backLabel} onClick={onBack}>
          <BackIcon />
        </button>
      )}
      <div class="titles">
        {avatars.length > 0 && (
          <ul class="avatars" aria-label={strings.team}>
            {avatars.map((a) => (
              <li key={a.src}>
                <img
                  src={a.src}
                  alt={a.name}
                  width={32}
                  height={32}
                  decoding="async"
                  // The host page's URL is none of the image host's business.
                  referrerpolicy="no-referrer"
                  onError={() => setBroken((prev) => new Set(prev).add(a.src))}
                />
              </li>
            ))}
          </ul>
        )}
        <h2>{settings.name}</h2>
        {settings.greeting && <p>{settings.greeting}</p>}
        {replyTime && <p class="reply-time">{replyTime}</p>}
      </div>
      <button type="button" class="icon-btn" aria-label={closeLabel} onClick={onClose}>
        <CloseIcon />
      </button>
    </div>
  );
}
