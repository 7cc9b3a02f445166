/**
 * A chat-style message from a named teammate, as a card stacked above the
 * launcher. It reads like the start of a conversation: opening it (the card or
 * "Reply") hands over to the messenger, which shows it as a thread.
 */
import { useState } from 'preact/hooks';
import { safeUrl } from '../../markdown/safe-url.js';
import { MessageBody } from './MessageBody.js';
import { CloseButton } from './MessageControls.js';
import type { InAppViewProps } from './types.js';

export function ChatSnippet({ message, strings, onOpen, onClick, onDismiss, preview }: InAppViewProps) {
  // A chat message without a sender (deleted teammate) still comes from the team.
  const name = message.sender?.name.trim() || strings.team;
  return (
    <section
      class={preview ? 'pm-card pm-chat pm-preview' : 'pm-card pm-chat'}
      aria-label={strings.messageFrom(name)}
      data-inapp-id={message.id}
      // The whole card opens the message for pointer users ("Reply" is the keyboard
      // path), except where the click belongs to a control of its own: ×, a link, "Reply".
      onClick={(e) => {
        if (!(e.target as Element).closest('a,button')) onOpen();
      }}
    >
      <div class="pm-chat-head">
        <Avatar name={name} url={message.sender?.avatarUrl ?? null} />
        <span class="pm-sender">{name}</span>
        <CloseButton label={strings.dismiss} onClick={onDismiss} />
      </div>
      <MessageBody body={message.body} onLink={onClick} class="pm-clamp" />
      <button type="button" class="pm-reply" onClick={() => onOpen()}>
        {strings.reply}
      </button>
    </section>
  );
}

/** Photo when there is a usable one, else the name's first letter. Decorative: the name is printed beside it. */
function Avatar({ name, url }: { name: string; url: string | null }) {
  const [broken, setBroken] = useState(false);
  const src = url ? safeUrl(url, 'image') : null;
  if (src && !broken) {
    return (
      <img
        class="pm-avatar"
        src={src}
        alt=""
        width={36}
        height={36}
        decoding="async"
        referrerpolicy="no-referrer"
        onError={() => setBroken(true)}
      />
    );
  }
  // Array.from: the first user-perceived letter, not half of a surrogate pair.
  const initial = Array.from(name)[0]?.toLocaleUpperCase() ?? '?';
  return (
    <span class="pm-avatar" aria-hidden="true">
      {initial}
    </span>
  );
}
