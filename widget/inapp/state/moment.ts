/**
 * The widget's half of targeting (DESIGN.md §4): is this the moment for a
 * message the server found the contact eligible for? Its trigger and what is
 * left of its audience (page, time on page) against the visit as it is now.
 * Pure, with the visit half of the one evaluator (protocol/targeting/visit-verdict.ts):
 * the messenger does not carry the evaluator of traits and events.
 */
import type { ContentFormat, EligibleMessage } from '../../../protocol/content/models.js';
import type { PageInfo } from '../../../protocol/targeting/context.js';
import { momentHolds, pageVerdict } from '../../../protocol/targeting/visit-verdict.js';

export interface Visit {
  page: PageInfo;
  timeOnPageS: number;
  /** Events tracked in this tab since the messages were listed (`Messenger.track`). */
  firedEvents: ReadonlySet<string>;
}

/** One of each at a time: never two modals, two banners or two tooltips on screen. */
export type Slot = 'overlay' | 'banner' | 'chat' | 'tooltip';

export function slotOf(format: ContentFormat): Slot {
  // A tour takes the page over like a modal: never beside one.
  return format === 'modal' || format === 'post' || format === 'survey' || format === 'tour' ? 'overlay' : format;
}

export function pageMatches(glob: string, page: PageInfo): boolean {
  return pageVerdict({ op: 'glob', value: glob }, page) === true;
}

export function isQuiet(quietPages: readonly string[], page: PageInfo): boolean {
  return quietPages.some((glob) => pageMatches(glob, page));
}

/** Whether the message's trigger has fired on this visit. An already-sent, still-open message shows again without one. */
export function triggerFired(message: EligibleMessage, visit: Visit): boolean {
  if (message.deliveryId) return true;
  const { trigger } = message;
  switch (trigger.on) {
    case 'immediate':
      return true;
    case 'page':
      return trigger.page !== undefined && pageMatches(trigger.page, visit.page);
    case 'time_on_page':
      return visit.timeOnPageS >= (trigger.seconds ?? 0);
    case 'event':
      return trigger.event !== undefined && visit.firedEvents.has(trigger.event);
  }
}

export function isMoment(message: EligibleMessage, visit: Visit): boolean {
  if (!triggerFired(message, visit)) return false;
  return message.moment === null || momentHolds(message.moment, visit);
}

/**
 * Whether waiting can change the answer (a timer is needed while such messages wait).
 * A text search rather than `ruleDependencies`: that module costs 0.25 KB in the
 * messenger chunk (45 KB budget), and a false positive here only runs a timer.
 */
export function dependsOnTime(message: EligibleMessage): boolean {
  return message.trigger.on === 'time_on_page' || (message.moment !== null && JSON.stringify(message.moment).includes('time_on_page_s'));
}
