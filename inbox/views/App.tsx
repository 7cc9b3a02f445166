/** Chooses between the login form and the workspace, from the session alone. */
import type { InboxApi } from '../api/endpoints.js';
import type { Session } from '../state/session.js';
import { Login } from './Login.js';
import { Workspace } from './Workspace.js';

export interface AppProps {
  session: Session;
  api: InboxApi;
}

export function App({ session, api }: AppProps) {
  const state = session.state.value;
  if (state.status === 'loading') {
    return (
      <div class="app-loading" role="status">
        Loading…
      </div>
    );
  }
  if (state.status === 'signed-out') {
    return <Login notice={state.notice} onLogin={session.login} />;
  }
  // Keyed by agent so a different login never inherits the previous agent's stores.
  return <Workspace key={state.agent.id} agent={state.agent} api={api} onLogout={session.logout} />;
}
