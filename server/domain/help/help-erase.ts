/**
 * GDPR erase of a contact's help center activity (server/domain/privacy):
 * views and votes move to the erase's remnant, so an article's counts and
 * helpfulness stay right while nothing ties them to the person any more.
 */
import type { EraseStep } from '../privacy/erase-steps.js';

export const anonymiseHelpViews: EraseStep = async ({ trx, contactId, remnantId }) => {
  await trx.updateTable('help_article_views').set({ contact_id: remnantId }).where('contact_id', '=', contactId).execute();
};

export const anonymiseHelpVotes: EraseStep = async ({ trx, contactId, remnantId }) => {
  await trx.updateTable('help_article_votes').set({ contact_id: remnantId }).where('contact_id', '=', contactId).execute();
};
