/**
 * The contact panel's "Data" section (docs/privacy.md): for admins, download
 * everything held about the contact (JSON, or a zip of CSV files) and erase
 * it. Erasing asks first, then leaves the conversation (now closed and
 * emptied) for the inbox list.
 */
import { useState } from 'preact/hooks';
import type { PrivacyApi } from '../../api/privacy-endpoints.js';
import { INBOX_HREF } from '../../host/hash-route.js';
import { ConfirmDelete } from '../content/ConfirmDelete.js';
import { errorText } from '../content/use-resource.js';
import { useInbox } from '../inbox-context.js';
import '../../styles/privacy.css';

export interface ContactPrivacyProps {
  api: Pick<PrivacyApi, 'contactExportUrl' | 'eraseContact'>;
  contactId: string;
}

export function ContactPrivacy({ api, contactId }: ContactPrivacyProps) {
  const { agent, announcer } = useInbox();
  const [failure, setFailure] = useState('');
  if (agent.role !== 'admin') return null;
  return (
    <section class="panel-section contact-privacy" aria-labelledby="contact-privacy">
      <h3 id="contact-privacy" class="panel-section__title">
        Data
      </h3>
      <p class="contact-privacy__links">
        <a class="button" href={api.contactExportUrl(contactId, 'json')} download>
          Export JSON
        </a>
        <a class="button" href={api.contactExportUrl(contactId, 'csv')} download>
          Export CSV
        </a>
      </p>
      <ConfirmDelete
        thing="contact and everything about it"
        verb="Erase"
        onConfirm={async () => {
          setFailure('');
          try {
            await api.eraseContact(contactId);
            announcer.announce('Contact erased.');
            window.location.hash = INBOX_HREF;
          } catch (error) {
            setFailure(errorText(error, 'Could not erase the contact.'));
          }
        }}
      />
      {failure && (
        <p class="settings__error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
