/**
 * The settings pages other than the messenger's (`#/settings/teams`,
 * `#/settings/assignment`, `#/settings/service-levels`,
 * `#/settings/canned-replies`), in the same frame as the messenger settings:
 * the "Settings" title and the pages' links. Each page loads and saves its
 * own data; agents who are not admins see them read-only (except canned
 * replies, which every agent keeps).
 */
import type { AgentProfile } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import type { SettingsPage } from '../../host/hash-route.js';
import { AssignmentSettingsPage } from './AssignmentSettingsPage.js';
import { AutomationSettingsPage } from './AutomationSettingsPage.js';
import { BotsSettingsPage } from './BotsSettingsPage.js';
import { CannedRepliesPage } from './CannedRepliesPage.js';
import { ServiceLevelsPage } from './ServiceLevelsPage.js';
import { SettingsNav } from './SettingsNav.js';
import { TeamsSettingsPage } from './TeamsSettingsPage.js';
import { AuditLogPage } from '../privacy/AuditLogPage.js';
import { PrivacySettingsPage } from '../privacy/PrivacySettingsPage.js';
import { WebhooksPage } from './WebhooksPage.js';
import { ApiTokensPage } from './ApiTokensPage.js';
import '../../styles/settings.css';
import '../../styles/content.css';
import '../../styles/team-settings.css';

export interface SettingsScreenProps {
  page: Exclude<SettingsPage, 'messenger'>;
  api: InboxApi;
  canEdit: boolean;
  /** The signed-in agent (their own row in the agents table says "you"). */
  agent: AgentProfile;
}

export function SettingsScreen({ page, api, canEdit, agent }: SettingsScreenProps) {
  return (
    <main class="settings" aria-labelledby="settings-title">
      <div class="settings__inner">
        <h1 id="settings-title" class="settings__title">
          Settings
        </h1>
        <SettingsNav current={page} />
        {/* Canned replies are every agent's to edit. */}
        {!canEdit && page !== 'canned-replies' && page !== 'webhooks' && page !== 'api-tokens' && (
          <p class="settings__readonly" id="settings-readonly">
            Only admins can change these settings.
          </p>
        )}
        {page === 'teams' && <TeamsSettingsPage key={page} api={api} canEdit={canEdit} agent={agent} />}
        {page === 'assignment' && <AssignmentSettingsPage key={page} api={api} canEdit={canEdit} />}
        {page === 'automation' && <AutomationSettingsPage key={page} api={api} canEdit={canEdit} />}
        {page === 'bots' && <BotsSettingsPage key={page} api={api} canEdit={canEdit} />}
        {page === 'service-levels' && <ServiceLevelsPage key={page} api={api} canEdit={canEdit} />}
        {page === 'canned-replies' && <CannedRepliesPage key={page} />}
        {page === 'webhooks' && <WebhooksPage key={page} api={api} canEdit={canEdit} />}
        {page === 'api-tokens' && <ApiTokensPage key={page} api={api} canEdit={canEdit} />}
        {page === 'privacy' && <PrivacySettingsPage key={page} api={api} canEdit={canEdit} />}
        {page === 'audit-log' && <AuditLogPage key={page} api={api} />}
      </div>
    </main>
  );
}
