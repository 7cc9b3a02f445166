/** The contact's latest tracked events and page views, newest first. */
import type { ContactEvent } from '../../protocol/index.js';
import { safeHttpUrl, shortUrl } from '../format/safe-url.js';
import { formatDateTime, formatRelative } from '../format/relative-time.js';

export function RecentActivity({ events, now }: { events: readonly ContactEvent[]; now: number }) {
  return (
    <section class="panel-section" aria-labelledby="contact-activity">
      <h3 id="contact-activity" class="panel-section__title">
        Recent activity
      </h3>
      {events.length === 0 ? (
        <p class="panel-section__empty">No activity yet.</p>
      ) : (
        <ol class="activity">
          {events.map((event) => (
            <li key={event.id} class={`activity__item activity__item--${event.type}`}>
              <span class="activity__kind">{event.type === 'page' ? 'Viewed page' : 'Event'}</span>
              <span class="activity__name">{event.name}</span>
              {event.url && <ActivityUrl url={event.url} />}
              <time class="activity__time" dateTime={event.occurredAt} title={formatDateTime(event.occurredAt)}>
                {formatRelative(event.occurredAt, now)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function ActivityUrl({ url }: { url: string }) {
  const href = safeHttpUrl(url);
  if (!href) return <span class="activity__url">{url}</span>;
  return (
    <a class="activity__url" href={href} target="_blank" rel="noopener noreferrer">
      {shortUrl(href)}
    </a>
  );
}
