/**
 * The right column: who the visitor is and what they did recently. Traits
 * are arbitrary customer data, shown as text (never markup) in a definition list.
 */
import type { ComponentChildren } from 'preact';
import type { ContactProfile } from '../../protocol/index.js';
import { contactDisplayName, initials } from '../format/contact-name.js';
import { describeDevice } from '../format/device.js';
import { formatDateTime, formatRelative } from '../format/relative-time.js';
import { useNow } from '../host/use-now.js';
import { useInbox } from './inbox-context.js';
import { ActivityUrl, RecentActivity } from './RecentActivity.js';
import type { PrivacyApi } from '../api/privacy-endpoints.js';
import { ContactPrivacy } from './privacy/ContactPrivacy.js';
import '../styles/contact-panel.css';

/** `api`: the export and erase of the Data section (admins; absent, no such section). */
export function ContactPanel({ api }: { api?: Pick<PrivacyApi, 'contactExportUrl' | 'eraseContact'> } = {}) {
  const { contact, current } = useInbox();
  const now = useNow();
  const profile = contact.profile.value;
  const status = contact.status.value;

  return (
    // Focusable: it scrolls, and may hold nothing else a keyboard can reach.
    <aside class="column column--contact" aria-label="Contact" tabIndex={0}>
      {!current.id.value || status === 'none' ? (
        <p class="panel-empty">Select a conversation to see who you are talking to.</p>
      ) : status === 'loading' && !profile ? (
        <p class="panel-empty" role="status">
          Loading contact…
        </p>
      ) : status === 'error' && !profile ? (
        <div class="panel-empty">
          <p>Could not load this contact.</p>
          <button type="button" class="button" onClick={() => void contact.reload()}>
            Try again
          </button>
        </div>
      ) : profile ? (
        <>
          <ContactDetails profile={profile} now={now} />
          <RecentActivity events={contact.events.value} now={now} />
          {api && <ContactPrivacy api={api} contactId={profile.id} />}
        </>
      ) : null}
    </aside>
  );
}

function ContactDetails({ profile, now }: { profile: ContactProfile; now: number }) {
  const name = contactDisplayName(profile);
  const device = describeDevice(profile.device);
  const traits = Object.entries(profile.traits ?? {});
  const tags = profile.tags ?? [];
  return (
    <>
      <header class="contact-card">
        <span class="avatar avatar--large" aria-hidden="true">
          {initials(name)}
        </span>
        <div>
          <h2 class="contact-card__name">{name}</h2>
          <p class={`identity-badge identity-badge--${profile.identified ? 'identified' : 'anonymous'}`}>
            {profile.identified ? 'Identified' : 'Anonymous'}
          </p>
          {tags.length > 0 && (
            <ul class="contact-tags" aria-label="Tags">
              {tags.map((tag) => (
                <li key={tag} class="contact-tags__tag">
                  {tag}
                </li>
              ))}
            </ul>
          )}
        </div>
      </header>
      <section class="panel-section" aria-labelledby="contact-details">
        <h3 id="contact-details" class="panel-section__title">
          Details
        </h3>
        <dl class="details">
          <Detail term="Email" value={profile.email} />
          <Detail term="External ID" value={profile.externalId} />
          <Detail term="Locale" value={profile.locale} />
          <Detail term="First visit" value={<Moment iso={profile.firstSeenAt} now={now} />} />
          <Detail term="Last active" value={<Moment iso={profile.lastSeenAt} now={now} />} />
          <Detail term="Device" value={device} title={profile.device?.userAgent} />
          <Detail term="Last page" value={profile.lastPageUrl ? <ActivityUrl url={profile.lastPageUrl} /> : null} />
        </dl>
      </section>
      <section class="panel-section" aria-labelledby="contact-traits">
        <h3 id="contact-traits" class="panel-section__title">
          Traits
        </h3>
        {traits.length === 0 ? (
          <p class="panel-section__empty">No traits.</p>
        ) : (
          <dl class="details">
            {traits.map(([key, value]) => (
              <Detail key={key} term={key} value={value === null ? '—' : String(value)} />
            ))}
          </dl>
        )}
      </section>
    </>
  );
}

function Detail({ term, value, title }: { term: string; value: ComponentChildren; title?: string }) {
  const empty = value === null || value === undefined || value === '';
  return (
    <div class="details__row">
      <dt class="details__term">{term}</dt>
      <dd class={`details__value${empty ? ' details__value--empty' : ''}`} title={title}>
        {empty ? '—' : value}
      </dd>
    </div>
  );
}

function Moment({ iso, now }: { iso: string; now: number }) {
  const relative = formatRelative(iso, now);
  // Only recent moments get an "ago"; older ones already read well as a date.
  const ago = relative === 'now' ? 'just now' : /^\d+[mhd]$/.test(relative) ? `${relative} ago` : null;
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatDateTime(iso)}
      {ago && <span class="details__relative"> ({ago})</span>}
    </time>
  );
}
