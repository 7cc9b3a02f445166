/** Brand, the main navigation (Inbox, Messages, Segments, Series, Tours, Surveys, Help center, Reports, Settings), connection state, the agent and their online/away status, "Log out", and the polite live region for new messages. */
import { useState } from 'preact/hooks';
import { initials } from '../format/contact-name.js';
import { contentHref, conversationHref, INBOX_HREF, REPORTS_HREF, SETTINGS_HREF, type Screen } from '../host/hash-route.js';
import { useInbox } from './inbox-context.js';
import { PresenceControl } from './PresenceControl.js';

export function TopBar({ onLogout, screen = 'inbox' }: { onLogout(): Promise<void>; screen?: Screen }) {
  const inbox = useInbox();
  const [leaving, setLeaving] = useState(false);
  const connection = inbox.connection.value;
  // Back from the settings to the conversation that was open, if any.
  const openId = inbox.current.id.value;
  const inboxHref = openId ? conversationHref(openId) : INBOX_HREF;
  const links: Array<[label: string, href: string, target: Screen]> = [
    ['Inbox', inboxHref, 'inbox'],
    ['Messages', contentHref('messages'), 'messages'],
    ['Segments', contentHref('segments'), 'segments'],
    ['Series', contentHref('series'), 'series'],
    ['Tours', contentHref('tours'), 'tours'],
    ['Surveys', contentHref('surveys'), 'surveys'],
    ['Help center', contentHref('help'), 'help'],
    ['Reports', REPORTS_HREF, 'reports'],
    ['Settings', SETTINGS_HREF, 'settings'],
  ];

  return (
    <header class="topbar">
      <h1 class="topbar__brand">
        <span class="brand-mark" aria-hidden="true" />
        Parley
      </h1>
      <nav class="topbar__nav" aria-label="Main">
        {links.map(([label, href, target]) => (
          <a key={target} class="topbar__link" href={href} aria-current={screen === target ? 'page' : undefined}>
            {label}
          </a>
        ))}
      </nav>
      {connection === 'offline' && (
        <p class="topbar__connection" role="status">
          Reconnecting…
        </p>
      )}
      <div class="topbar__agent">
        <span class="avatar avatar--small" aria-hidden="true">
          {initials(inbox.agent.name)}
        </span>
        <span class="topbar__name">{inbox.agent.name}</span>
        <PresenceControl />
        <button
          type="button"
          class="button button--ghost"
          disabled={leaving}
          onClick={() => {
            setLeaving(true);
            void onLogout();
          }}
        >
          Log out
        </button>
      </div>
      {/* Always in the DOM: a live region added together with its text is often not announced. */}
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">
        {inbox.announcer.text.value}
      </div>
    </header>
  );
}
