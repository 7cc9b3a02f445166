/**
 * The workspace's API tokens: name, scopes, the value's first characters,
 * who made it and when, when last used, and "Revoke" (confirmed inline) or
 * when it was revoked.
 */
import type { ApiToken } from '../../../protocol/index.js';
import { formatDateTime } from '../../format/relative-time.js';
import { ConfirmDelete } from '../content/ConfirmDelete.js';
import '../../styles/tables.css';

export interface ApiTokenTableProps {
  tokens: readonly ApiToken[];
  onRevoke(token: ApiToken): Promise<void>;
}

const when = (iso: string) => <time dateTime={iso}>{formatDateTime(iso)}</time>;

export function ApiTokenTable({ tokens, onRevoke }: ApiTokenTableProps) {
  return (
    <div class="data-table__wrap">
      <table class="data-table data-table--compact" aria-label="API tokens">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Scopes</th>
            <th scope="col">Token</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span class="visually-hidden">Status and actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} class={token.revoked_at ? 'api-token--revoked' : undefined}>
              <th scope="row">{token.name}</th>
              <td>
                {token.scopes.map((scope) => (
                  <code key={scope} class="api-token__scope">
                    {scope}
                  </code>
                ))}
              </td>
              <td>
                <code class="api-token__prefix">{token.prefix}…</code>
              </td>
              <td>
                {when(token.created_at)}
                {token.created_by && <span class="api-token__creator"> by {token.created_by.name}</span>}
              </td>
              <td>{token.last_used_at ? when(token.last_used_at) : 'Never'}</td>
              <td>
                {token.revoked_at ? (
                  <span class="api-token__revoked">Revoked {when(token.revoked_at)}</span>
                ) : (
                  <ConfirmDelete thing="API token" verb="Revoke" name={token.name} onConfirm={() => onRevoke(token)} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
