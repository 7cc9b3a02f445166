import type { Ref } from 'preact';
import type { Strings } from '../i18n/index.js';
import { ChatIcon, ChevronDownIcon } from './icons.js';

interface Props {
  open: boolean;
  unread: number;
  strings: Strings;
  onToggle: () => void;
  buttonRef: Ref<HTMLButtonElement>;
}

/** The round button in the corner. Its accessible name is "Open messenger" (translated), plus the unread count. */
export function Launcher({ open, unread, strings, onToggle, buttonRef }: Props) {
  const label = open ? strings.closeMessenger : strings.openMessenger;
  return (
    <button
      ref={buttonRef}
      type="button"
      class="launcher"
      aria-label={label}
      aria-expanded={open}
      aria-describedby={unread > 0 ? 'parley-unread' : undefined}
      onClick={onToggle}
    >
      {open ? <ChevronDownIcon /> : <ChatIcon />}
      {unread > 0 && !open && (
        <span class="badge" id="parley-unread">
          <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
          <span class="visually-hidden">{strings.unreadBadge(unread)}</span>
        </span>
      )}
    </button>
  );
}
