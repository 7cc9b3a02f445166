/** Contacts of a segment (or a preview sample): who, when last seen, which locale. */
import type { ContactProfile } from '../../../protocol/index.js';
import { contactDisplayName } from '../../format/contact-name.js';
import { formatDateTime, formatRelative } from '../../format/relative-time.js';
import { useNow } from '../../host/use-now.js';
import '../../styles/tables.css';

export function ContactTable({ contacts, label }: { contacts: readonly ContactProfile[]; label: string }) {
  const now = useNow();
  return (
    <div class="data-table__wrap">
      <table class="data-table data-table--compact" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Contact</th>
            <th scope="col">Last seen</th>
            <th scope="col">Locale</th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((c) => (
            <tr key={c.id}>
              <th scope="row">{contactDisplayName(c)}</th>
              <td>
                <time dateTime={c.lastSeenAt} title={formatDateTime(c.lastSeenAt)}>
                  {formatRelative(c.lastSeenAt, now)}
                </time>
              </td>
              <td>{c.locale ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
