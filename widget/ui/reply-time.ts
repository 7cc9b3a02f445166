/**
 * The header's line about when the team replies, from the server's
 * `replyTime` (business hours and the measured median first response):
 * "We typically reply in 5 minutes" within hours, "We're away right now.
 * Back Monday 9:00 AM." outside them — in the visitor's language and their
 * own time zone (Intl), so the text needs no server-side formatting.
 */
import type { ReplyTime } from '../../protocol/inbox/service-levels.js';
import type { Strings } from '../i18n/index.js';

export function replyTimeText(replyTime: ReplyTime | undefined, strings: Pick<Strings, 'replyTypically' | 'replyAway'>, lang: string): string {
  if (!replyTime) return '';
  try {
    if (!replyTime.online && replyTime.nextOpening) {
      const when = new Intl.DateTimeFormat(lang, { weekday: 'long', hour: 'numeric', minute: '2-digit' }).format(new Date(replyTime.nextOpening));
      return strings.replyAway(when);
    }
    const minutes = replyTime.typicalMinutes;
    if (!replyTime.online || minutes === null) return '';
    const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'always' });
    return strings.replyTypically(minutes < 60 ? rtf.format(Math.max(1, minutes), 'minute') : rtf.format(Math.ceil(minutes / 60), 'hour'));
  } catch {
    // A bad date or a locale Intl does not know: say nothing rather than something wrong.
    return '';
  }
}
