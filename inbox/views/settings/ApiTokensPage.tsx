/**
 * Settings › API tokens (`#/settings/api-tokens`): the workspace's tokens for
 * the REST API (docs/api.md), to create with a name and scopes and to revoke.
 * A new token's value is shown once, with a copy button and a warning; the
 * list never has it. Admins only: the server refuses everyone else, reads too.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiToken, CreatedApiToken } from '../../../protocol/index.js';
import type { ApiTokenApi } from '../../api/api-token-endpoints.js';
import { errorText } from '../content/use-resource.js';
import { ApiTokenForm } from './ApiTokenForm.js';
import { ApiTokenTable } from './ApiTokenTable.js';
import { ApiTokenValue } from './ApiTokenValue.js';
import '../../styles/api-tokens.css';

export interface ApiTokensPageProps {
  api: ApiTokenApi;
  canEdit: boolean;
}

type Loaded = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; tokens: ApiToken[] };

/** The token as the list keeps it: without its value. */
function listed({ token: _value, ...token }: CreatedApiToken): ApiToken {
  return token;
}

export function ApiTokensPage({ api, canEdit }: ApiTokensPageProps) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [creating, setCreating] = useState(false);
  const [fresh, setFresh] = useState<CreatedApiToken | null>(null);
  const [notice, setNotice] = useState('');
  const [focusNew, setFocusNew] = useState<object | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!canEdit) return;
    let live = true;
    setLoaded({ status: 'loading' });
    api.listApiTokens().then(
      (page) => live && setLoaded({ status: 'ready', tokens: page.data }),
      (error: unknown) => live && setLoaded({ status: 'failed', message: errorText(error, 'Could not load the API tokens.') }),
    );
    return () => {
      live = false;
    };
  }, [api, canEdit, attempt]);

  useEffect(() => {
    if (focusNew && !creating && !fresh) newButton.current?.focus();
  }, [focusNew, creating, fresh]);

  if (!canEdit) {
    return (
      <section class="settings__section" aria-labelledby="api-tokens-title">
        <h2 id="api-tokens-title" class="settings__section-title">
          API tokens
        </h2>
        <p class="settings__hint">Only admins can see and manage API tokens.</p>
      </section>
    );
  }

  async function revoke(token: ApiToken): Promise<void> {
    try {
      await api.revokeApiToken(token.id);
      const revokedAt = new Date().toISOString();
      setLoaded((l) => (l.status === 'ready' ? { ...l, tokens: l.tokens.map((t) => (t.id === token.id ? { ...t, revoked_at: revokedAt } : t)) } : l));
      setNotice(`API token ${token.name} revoked: it no longer works.`);
      setFocusNew({});
    } catch (failure) {
      setNotice(errorText(failure, 'Could not revoke the token.'));
    }
  }

  const tokens = loaded.status === 'ready' ? loaded.tokens : [];
  return (
    <section class="settings__section" aria-labelledby="api-tokens-title">
      <h2 id="api-tokens-title" class="settings__section-title">
        API tokens
      </h2>
      <p class="settings__hint">
        Scripts and integrations call the REST API with <code>Authorization: Bearer &lt;token&gt;</code>. Give each one its own token with
        only the scopes it needs; the API’s description is at <code>/api/v1/openapi.json</code>.
      </p>
      {fresh && (
        <ApiTokenValue
          name={fresh.name}
          value={fresh.token}
          onDone={() => {
            setFresh(null);
            setFocusNew({});
          }}
        />
      )}
      {loaded.status === 'loading' && <p role="status">Loading API tokens…</p>}
      {loaded.status === 'failed' && (
        <div class="settings__load-error">
          <p role="alert">{loaded.message}</p>
          <button type="button" class="button" onClick={() => setAttempt((n) => n + 1)}>
            Retry
          </button>
        </div>
      )}
      {loaded.status === 'ready' && tokens.length === 0 && <p class="settings__hint">No API tokens yet.</p>}
      {tokens.length > 0 && <ApiTokenTable tokens={tokens} onRevoke={revoke} />}
      {creating ? (
        <ApiTokenForm
          onCancel={() => {
            setCreating(false);
            setFocusNew({});
          }}
          onCreate={async (input) => {
            const created = await api.createApiToken(input);
            setLoaded((l) => (l.status === 'ready' ? { ...l, tokens: [listed(created), ...l.tokens] } : l));
            setCreating(false);
            setFresh(created);
          }}
        />
      ) : (
        loaded.status === 'ready' && (
          <div>
            <button
              type="button"
              class="button"
              ref={newButton}
              onClick={() => {
                setNotice('');
                setFresh(null);
                setCreating(true);
              }}
            >
              New API token
            </button>
          </div>
        )
      )}
      {/* Always in the DOM: a live region added together with its text is often not announced. */}
      <p class="settings__saved" role="status">
        {notice}
      </p>
    </section>
  );
}
