/**
 * What conversations need from service levels (domain/service-levels
 * implements it): the SLA clock of a conversation being read, and the away
 * acknowledgement for a conversation being started. An interface, so
 * conversations depend on no settings store and tests can leave it out.
 */
import type { ConversationSla } from '../../../protocol/index.js';
import type { ContactRow, ConversationRow } from '../../store/index.js';

/** An automatic message telling the visitor when the team is back. */
export interface AwayAcknowledgement {
  body: string;
  /** Shown as the bot's name (the workspace's name). */
  authorName: string | null;
}

export interface ConversationServiceLevels {
  slaOf(row: ConversationRow, now: Date): Promise<ConversationSla>;
  /** Null while the team is open (or has no business hours). */
  awayAcknowledgement(contact: ContactRow, at: Date): Promise<AwayAcknowledgement | null>;
}
