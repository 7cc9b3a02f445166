/**
 * The messenger: launcher + panel (a labelled dialog). Owns only UI state —
 * open/closed, which view, focus — and leaves chat state to the ChatClient.
 */
import type { ComponentChild } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MessageSurvey, WidgetSettings } from '../../protocol/index.js';
import type { Strings } from '../i18n/index.js';
import { type ChatClient, NEW_CONVERSATION } from '../state/chat-client.js';
import { Composer } from './Composer.js';
import { EmailCapture } from './EmailCapture.js';
import { ConversationList } from './ConversationList.js';
import { Header } from './Header.js';
import { Launcher } from './Launcher.js';
import { RateConversation } from './RateConversation.js';
import { Thread } from './Thread.js';
import type { ThreadItem } from '../state/thread.js';
import { useChatState } from './use-chat.js';
import { ComposerAnswers, type HelpDeps, type HelpPlace, HelpTabs, HomeScreen } from '../help/index.js';

export interface UiCommands {
  /** `local` false: the change came from another tab and is not broadcast again. */
  show(local?: boolean): void;
  hide(local?: boolean): void;
  toggle(): void;
  showNewMessage(text?: string): void;
  conversationStarted(id: string): void;
  /** An in-app chat message was opened: show it as the start of a new conversation, ready for a reply. */
  openInAppChat(preface: InAppPreface): void;
}

export interface InAppPreface {
  deliveryId: string;
  authorName: string | null;
  body: string;
}

interface Props {
  client: ChatClient;
  settings: WidgetSettings;
  strings: Strings;
  lang: string;
  showLauncher: boolean;
  position: 'left' | 'right';
  /** Receives the imperative commands (Messenger.show() etc.). */
  bindCommands: (commands: UiCommands) => void;
  /** The visitor as the SDK core knows it (pre-chat email capture asks anonymous visitors without one). */
  contact: () => { identified: boolean; email: string | null };
  saveEmail: (email: string) => Promise<void>;
  onOpenChange: (open: boolean, local: boolean) => void;
  /** A survey sent in a conversation, drawn in its thread. */
  renderSurvey?: (survey: MessageSurvey) => ComponentChild;
  /** The help center (when the workspace has one): the Home tab and answer suggestions. */
  help?: HelpDeps;
  /** One line above the conversation (the chat before consent, docs/privacy.md). */
  notice?: string;
  /** "Download my data", offered to verified users outside a conversation. */
  onExport?: () => void;
}

export function App({ client, settings, strings, lang, showLauncher, position, bindCommands, onOpenChange, contact, saveEmail, renderSurvey, notice, onExport, help }: Props) {
  const state = useChatState(client);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState<string | null>(null);
  const [prefill, setPrefill] = useState<string | undefined>(undefined);
  const [preface, setPreface] = useState<InAppPreface | null>(null);
  // The Home tab's place (null: the chat), and the first message being written (answer suggestions).
  const [home, setHome] = useState<HelpPlace | null>(null);
  const [draft, setDraft] = useState('');
  const launcherRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  const changeOpen = (next: boolean, local = true) => {
    setOpen(next);
    onOpenChange(next, local);
    if (!next) {
      void client.open(null);
      if (local) launcherRef.current?.focus(); // focus returns to where it came from
    }
  };

  useEffect(() => {
    bindCommands({
      show: (local = true) => changeOpen(true, local),
      hide: (local = true) => changeOpen(false, local),
      toggle: () => changeOpen(!open),
      showNewMessage: (text) => {
        setActive(NEW_CONVERSATION);
        setPrefill(text);
        changeOpen(true);
      },
      // The first message may have been written in the implicit "new" view (active === null).
      conversationStarted: (id) => {
        setActive((current) => (current === NEW_CONVERSATION || current === null ? id : current));
        setPreface(null); // the conversation now holds the in-app message itself
      },
      openInAppChat: (next) => {
        setPreface(next);
        setActive(NEW_CONVERSATION);
        changeOpen(true);
      },
    });
  });

  // Opening with no conversation yet goes straight to writing one.
  const view = active ?? (state.conversations.length === 0 ? NEW_CONVERSATION : null);
  const goHome = (place: HelpPlace) => {
    if (view === NEW_CONVERSATION && draft) setPrefill(draft); // the first message being written waits in its composer
    setHome(place);
  };
  useEffect(() => {
    if (open) void client.open(home ? null : view);
  }, [open, view, client, home]);
  useEffect(() => {
    if (open) panelRef.current?.querySelector<HTMLElement>('textarea, .primary')?.focus();
  }, [open]);

  const conversation = view ? state.conversations.find((c) => c.id === view) : undefined;
  const [contactEmail, setContactEmail] = useState<string | null>(null);
  const visitor = contact();
  const needsEmail =
    settings.requireEmail && view === NEW_CONVERSATION && !visitor.identified && !visitor.email && !contactEmail && state.conversations.length === 0;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      changeOpen(false);
    }
  };

  return (
    <div class={`root ${position === 'left' ? 'left' : ''} ${open ? 'open' : ''}`}>
      {open && (
        <div class="panel" role="dialog" aria-label={strings.messengerTitle} ref={panelRef} onKeyDown={onKeyDown}>
          <Header
            settings={settings}
            strings={strings}
            lang={lang}
            onBack={!home && view && state.conversations.length > 0 ? () => setActive(null) : undefined}
            onClose={() => changeOpen(false)}
            backLabel={strings.back}
            closeLabel={strings.close}
          />
          <div class="body">
            {notice && <p class="notice">{notice}</p>}
            {state.status === 'offline' && <p class="notice">{strings.offline}</p>}
            {onExport && !conversation && visitor.identified && settings.identityVerification && (
              <p class="notice">
                <button type="button" class="link-btn" onClick={onExport}>
                  {strings.downloadMyData}
                </button>
              </p>
            )}
            {home && help ? (
              <HomeScreen
                help={help}
                strings={strings}
                place={home}
                onPlace={setHome}
                onBackToChat={() => setHome(null)}
                onChat={() => {
                  setHome(null);
                  setActive(NEW_CONVERSATION);
                }}
              />
            ) : view === null ? (
              <ConversationList
                conversations={state.conversations}
                strings={strings}
                lang={lang}
                onOpen={(id) => setActive(id)}
                onNew={() => setActive(NEW_CONVERSATION)}
              />
            ) : (
              <>
                <Thread
                  items={view === NEW_CONVERSATION && preface ? [prefaceItem(preface), ...(state.threads[view] ?? [])] : (state.threads[view] ?? [])}
                  conversation={conversation}
                  typingName={state.typing[view]}
                  strings={strings}
                  onRetry={(clientId) => client.retry(view, clientId)}
                  onDiscard={(clientId) => client.discard(view, clientId)}
                  renderSurvey={renderSurvey}
                  onChoose={(m, b) => client.send(view, b.label, [], { choice: { messageId: m.id, optionId: b.id } })}
                />
                {conversation?.status === 'closed' && (
                  <RateConversation key={conversation.id} strings={strings} rating={conversation.rating} onRate={(rating, comment) => void client.rate(conversation.id, rating, comment)} />
                )}
                {needsEmail ? (
                  <EmailCapture
                    strings={strings}
                    onSave={async (email) => {
                      await saveEmail(email);
                      setContactEmail(email);
                    }}
                  />
                ) : (
                <>
                {help && view === NEW_CONVERSATION && (
                  <ComposerAnswers help={help} strings={strings} text={draft} onOpen={(article) => goHome({ article, source: 'suggestion', fromChat: true })} />
                )}
                <Composer
                  key={view}
                  strings={strings}
                  initialText={prefill}
                  onSend={(body, attachments) => {
                    setPrefill(undefined);
                    client.send(view, body, attachments, view === NEW_CONVERSATION && preface ? { deliveryId: preface.deliveryId } : undefined);
                  }}
                  onUpload={(file) => client.upload(file, file.name)}
                  onTyping={(typing) => client.setTyping(view, typing)}
                  onText={help && view === NEW_CONVERSATION ? setDraft : undefined}
                />
                </>
                )}
              </>
            )}
          </div>
          {help && <HelpTabs strings={strings} home={home !== null} onHome={() => goHome({})} onMessages={() => setHome(null)} />}
        </div>
      )}
      {showLauncher && <Launcher open={open} unread={state.unread} strings={strings} onToggle={() => changeOpen(!open)} buttonRef={launcherRef} />}
    </div>
  );
}

/** The in-app message shown above the reply, until the conversation it starts exists. */
function prefaceItem(preface: InAppPreface): ThreadItem {
  return {
    key: `preface-${preface.deliveryId}`,
    clientId: `preface-${preface.deliveryId}`,
    seq: null,
    message: null,
    body: preface.body,
    attachments: [],
    authorType: 'agent',
    authorName: preface.authorName,
    createdAt: new Date().toISOString(),
    state: 'sent',
  };
}
