/**
 * The logged-in screen: top bar over three columns (list, thread, contact), or
 * over the workspace settings (`#/settings`, `#/settings/<page>`), the reports
 * (`#/reports`) or a content screen (`#/messages`, `#/segments`, `#/series`,
 * `#/tours`, `#/surveys`) when the hash says so.
 * Owns the inbox's lifetime: created on mount, disposed (socket closed) on logout;
 * visiting another screen keeps it (and its live updates) running.
 */
import { effect, untracked } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import type { AgentProfile } from '../../protocol/index.js';
import type { InboxApi } from '../api/endpoints.js';
import { connectAgentSocket, type AgentSocket } from '../api/socket.js';
import { createHashRoute, parseContentPlace, parseScreen, parseSettingsPage, type ContentPlace, type Screen, type SettingsPage } from '../host/hash-route.js';
import { createInbox } from '../state/inbox.js';
import { ContactPanel } from './ContactPanel.js';
import { ContentScreen } from './ContentScreen.js';
import { ConversationList } from './ConversationList.js';
import { InboxContext } from './inbox-context.js';
import { MentionNotices } from './MentionNotices.js';
import { ReportsPage } from './reports/ReportsPage.js';
import { Settings } from './Settings.js';
import { SettingsScreen } from './settings/SettingsScreen.js';
import { Thread } from './Thread.js';
import { TopBar } from './TopBar.js';
import '../styles/layout.css';

export interface WorkspaceProps {
  agent: AgentProfile;
  api: InboxApi;
  onLogout(): Promise<void>;
  /** Opens the /agent socket; replaced in tests. */
  connect?: () => AgentSocket;
}

export function Workspace({ agent, api, onLogout, connect = connectAgentSocket }: WorkspaceProps) {
  const [inbox] = useState(() => createInbox({ api, agent, connect }));
  const [screen, setScreen] = useState<Screen>(() => parseScreen(window.location.hash));
  const [place, setPlace] = useState<ContentPlace | null>(() => parseContentPlace(window.location.hash));
  const [settingsPage, setSettingsPage] = useState<SettingsPage | null>(() => parseSettingsPage(window.location.hash));

  useEffect(() => {
    const route = createHashRoute();
    const stopFollowing = effect(() => {
      const conversationId = route.conversationId.value;
      const current = route.screen.value;
      const content = route.content.value;
      const page = route.settingsPage.value;
      untracked(() => {
        setScreen(current);
        setPlace(content);
        setSettingsPage(page);
        // The open conversation stays selected while another screen is shown, so "Inbox" returns to it.
        if (current === 'inbox') inbox.current.select(conversationId);
      });
    });
    return () => {
      stopFollowing();
      route.dispose();
      inbox.dispose();
    };
  }, [inbox]);

  const conversationId = inbox.current.id.value;

  return (
    <InboxContext.Provider value={inbox}>
      <div class="shell">
        <TopBar onLogout={onLogout} screen={screen} />
        <MentionNotices />
        {screen === 'settings' ? (
          settingsPage && settingsPage !== 'messenger' ? (
            <SettingsScreen page={settingsPage} api={api} canEdit={agent.role === 'admin'} agent={agent} />
          ) : (
            <Settings api={api} canEdit={agent.role === 'admin'} />
          )
        ) : screen === 'reports' ? (
          <ReportsPage api={api} agents={inbox.agents.value} />
        ) : place ? (
          <ContentScreen place={place} api={api} agent={agent} agents={inbox.agents.value} />
        ) : (
          <div class="columns">
            <ConversationList />
            <main class="column column--thread" aria-label="Conversation">
              {conversationId ? (
                <Thread key={conversationId} conversationId={conversationId} />
              ) : (
                <div class="empty-state">
                  <p class="empty-state__title">Select a conversation</p>
                  <p class="empty-state__hint">Pick one from the list to read and reply.</p>
                </div>
              )}
            </main>
            <ContactPanel api={api} />
          </div>
        )}
      </div>
    </InboxContext.Provider>
  );
}
