/**
 * The widget module, loaded by the SDK core on first need:
 * `mountWidget(bridge)` puts the messenger in a shadow root and connects the socket.
 */
import { render } from 'preact';
import type { WidgetBridge, WidgetControl } from '../sdk/bridge.js';
import { bindCustomLauncher, markCustomLaunchers } from './host/custom-launcher.js';
import { isHexColor } from '../protocol/workspace-settings.js';
import { createShadowHost } from './host/shadow-host.js';
import { trackVisualViewport } from './host/visual-viewport.js';
import { loadLocale } from './i18n/load.js';
import { idbOutboxStore } from './host/idb-outbox.js';
import { coordinateTabs, type TabCoordinator } from './host/tab-coordinator.js';
import { ChatClient } from './state/chat-client.js';
import { memoryOutboxStore } from './state/outbox-store.js';
import { downloadMyData } from './privacy/my-data.js';
import { saveContactEmail } from './state/contact-email.js';
import { SocketTransport } from './state/socket-transport.js';
import { App, type UiCommands } from './ui/App.js';
import { mountInApp } from './inapp/host/mount-in-app.js';
import { SurveyInThread } from './surveys/host/SurveyInThread.js';
import { RATE_CSS } from './ui/RateConversation.js';

export async function mountWidget(bridge: WidgetBridge): Promise<WidgetControl> {
  // Indonesian and Arabic strings are chunks of their own (i18n/load.ts).
  const { lang, strings, dir } = await loadLocale(bridge.locale);
  const position = bridge.theme?.position ?? bridge.settings.launcherPosition;
  const themeColor = bridge.theme?.color;
  const host = createShadowHost({
    dir,
    lang,
    color: themeColor && isHexColor(themeColor) ? themeColor : bridge.settings.color,
    position,
    offset: bridge.settings.launcherOffset,
  });
  host.addStyles(RATE_CSS);
  const stopViewport = trackVisualViewport(host.element);
  let commands: UiCommands | null = null;
  const early: Array<(c: UiCommands) => void> = [];
  const run = (fn: (c: UiCommands) => void) => (commands ? fn(commands) : early.push(fn));

  const client = new ChatClient({
    apiBase: bridge.apiBase,
    appId: bridge.appId,
    token: bridge.token() ?? '',
    currentToken: () => bridge.token(),
    refreshToken: () => bridge.refreshToken(),
    onConversationStarted: (id) => run((c) => c.conversationStarted(id)),
    // Before consent (docs/privacy.md) unsent messages stay in memory.
    outbox: bridge.ephemeral ? memoryOutboxStore() : idbOutboxStore(bridge.appId),
  });
  let tabs: TabCoordinator | null = null;
  const connect = () =>
    (tabs ??= coordinateTabs({
      appId: bridge.appId,
      client,
      makeSocket: (token) => new SocketTransport({ apiBase: bridge.apiBase, appId: bridge.appId, token: token ?? bridge.token() ?? '' }),
      onRemoteOpen: (open) => run((c) => (open ? c.show(false) : c.hide(false))),
    }));
  // Before consent there is no visitor yet: the socket waits until the messenger is opened.
  if (bridge.token()) connect();
  const offToken = bridge.onTokenChange((t) => {
    if (t) tabs ? tabs.tokenChanged(t) : connect();
    else void client.forget(); // shutdown: nothing of this visitor stays in the browser
  });

  let unread = 0;
  const custom = bridge.launcher !== 'default' && bridge.launcher !== 'none' ? bridge.launcher : null;
  const offUnread = client.subscribe((s) => {
    if (s.unread === unread) return;
    unread = s.unread;
    bridge.emit('unreadCountChange', unread);
    if (custom) markCustomLaunchers(custom, unread);
  });
  const offCustom = custom ? bindCustomLauncher(custom, () => run((c) => c.toggle())) : () => {};
  // Surveys sent in a conversation and the element picker talk over this tab's connection, whichever transport it is.
  const link = client.shareConnection({ onStatus: () => {}, onEvent: () => {} });

  render(
    <App
      client={client}
      settings={bridge.settings}
      strings={strings}
      lang={lang}
      showLauncher={bridge.launcher === 'default'}
      position={position === 'left' ? 'left' : 'right'}
      bindCommands={(c) => {
        commands = c;
        early.splice(0).forEach((fn) => fn(c));
      }}
      contact={() => bridge.contact()}
      saveEmail={async (email) => {
        await saveContactEmail(bridge.apiBase, bridge.token() ?? '', email);
      }}
      help={
        bridge.settings.helpCenter ? { request: link.request, pageUrl: () => location.href, locale: lang, apiBase: bridge.apiBase, addStyles: host.addStyles } : undefined
      }
      renderSurvey={(survey) => (
        <SurveyInThread
          key={survey.deliveryId}
          survey={survey}
          strings={strings}
          request={link.request}
          addStyles={host.addStyles}
          onCompleted={(id) => bridge.emit('surveyCompleted', { id })}
          onError={(err) => bridge.report(err)}
        />
      )}
      notice={bridge.ephemeral ? strings.consentNotice : undefined}
      onExport={() => downloadMyData(bridge.apiBase, bridge.token() ?? '').catch(bridge.report)}
      onOpenChange={(open, local) => {
        bridge.emit(open ? 'show' : 'hide', undefined);
        if (local) tabs?.broadcastOpen(open);
        if (open && !tabs) void bridge.refreshToken();
      }}
    />,
    host.mount,
  );

  const inApp = mountInApp({
    host,
    client,
    bridge,
    strings,
    dir,
    launcher: { side: position === 'left' ? 'left' : 'right', shown: bridge.launcher === 'default' },
    openChat: (message, deliveryId) => run((c) => c.openInAppChat({ deliveryId, authorName: message.sender?.name ?? null, body: message.body })),
  });

  // Opened from the inbox's tour editor to pick an element: the picker's own chunk takes over.
  if (location.hash.includes('parley-picker=')) {
    import('./tours/picker/picker-mode.js')
      .then((m) => {
        const token = m.pickerToken(location.hash);
        if (token) return m.runPickerMode({ token, serverOrigin: new URL(bridge.apiBase, location.href).origin, request: link.request, onError: bridge.report });
      })
      .catch(bridge.report);
  }

  return {
    show: () => run((c) => c.show()),
    hide: () => run((c) => c.hide()),
    toggle: () => run((c) => c.toggle()),
    showNewMessage: (text) => run((c) => c.showNewMessage(text)),
    startSurvey: (id) => inApp.start('survey', id),
    startTour: (id) => inApp.start('tour', id),
    destroy: () => {
      render(null, host.mount);
      inApp.stop();
      link.stop();
      tabs?.stop();
      stopViewport();
      offToken();
      offUnread();
      offCustom();
      host.remove();
    },
  };
}
