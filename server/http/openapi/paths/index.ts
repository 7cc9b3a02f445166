/**
 * Every documented route under `/api/v1`, one file per group. A new route
 * group adds its file here; openapi.test.ts fails while a mounted route is
 * missing from this list (or a listed one is not mounted).
 */
import type { RouteDoc } from '../route-doc.js';
import { agentDocs } from './agents.js';
import { apiTokenDocs } from './api-tokens.js';
import { automationDocs } from './automation.js';
import { botDocs } from './bots.js';
import { contactDocs } from './contacts.js';
import { contentDocs } from './content.js';
import { conversationDocs } from './conversations.js';
import { helpDocs } from './help.js';
import { inboxToolDocs } from './inbox-tools.js';
import { privacyDocs } from './privacy.js';
import { publicDocs } from './public.js';
import { reportDocs } from './reports.js';
import { settingsDocs } from './settings.js';
import { teamDocs } from './teams.js';
import { webhookDocs } from './webhooks.js';

export const ROUTE_DOCS: readonly RouteDoc[] = [
  ...publicDocs,
  ...conversationDocs,
  ...contactDocs,
  ...privacyDocs,
  ...inboxToolDocs,
  ...contentDocs,
  ...helpDocs,
  ...reportDocs,
  ...agentDocs,
  ...teamDocs,
  ...automationDocs,
  ...botDocs,
  ...settingsDocs,
  ...apiTokenDocs,
  ...webhookDocs,
];
