/** The pages of the settings as links under the title: Messenger, Teams and agents, Assignment, Business hours and SLAs. */
import { SETTINGS_PAGES, settingsHref, type SettingsPage } from '../../host/hash-route.js';
import '../../styles/team-settings.css';

export const SETTINGS_PAGE_LABELS: Record<SettingsPage, string> = {
  messenger: 'Messenger',
  teams: 'Teams and agents',
  assignment: 'Assignment',
  automation: 'Automation',
  bots: 'Bots',
  'service-levels': 'Business hours and SLAs',
  'canned-replies': 'Canned replies',
  webhooks: 'Webhooks',
  'api-tokens': 'API tokens',
  privacy: 'Privacy',
  'audit-log': 'Audit log',
};

export function SettingsNav({ current }: { current: SettingsPage }) {
  return (
    <nav class="settings-nav" aria-label="Settings pages">
      {SETTINGS_PAGES.map((page) => (
        <a key={page} class="settings-nav__link" href={settingsHref(page)} aria-current={page === current ? 'page' : undefined}>
          {SETTINGS_PAGE_LABELS[page]}
        </a>
      ))}
    </nav>
  );
}
