import type { Kysely } from 'kysely';
import { type Database, diskFileStore, type FileStore } from '../store/index.js';
import { AgentDirectory } from './agents/index.js';
import { ApiTokens } from './api-tokens/index.js';
import { Attachments } from './attachments/index.js';
import { DomainBus } from './bus.js';
import { ContactStore, IdentityResolver } from './contacts/index.js';
import { AudienceScanner, CampaignStore, Deliveries, InAppMessages, SegmentStore, TargetingContexts } from './content/index.js';
import { Conversations, MessageLog } from './conversations/index.js';
import { EventLog } from './events/index.js';
import { SeriesRunner, SeriesStore } from './series/index.js';
import { ConversationSurveys, SurveyResponses, SurveyResults, SurveyStore } from './surveys/index.js';
import { PickerTokens, TourRuns, TourStore } from './tours/index.js';
import { VisitorTokens } from './identity/index.js';
import { loadServerSecret } from './server-secret.js';
import { WorkspaceDirectory } from './workspaces/index.js';
import { ReplyTimes, ServiceLevels } from './service-levels/index.js';
import { ConversationReports } from './reports/index.js';
import { isSqlite } from '../store/dialect.js';
import { CannedReplies } from './canned-replies/index.js';
import { SnoozeWaker } from './conversations/index.js';
import { NoteStore } from './notes/index.js';
import { type ConversationSearch, PostgresConversationSearch, SqliteConversationSearch } from './search/index.js';
import { TagStore } from './tags/index.js';
import { SavedViews } from './views/index.js';
import { AgentRoster } from './agents/index.js';
import { QuestionTopics } from './insights/index.js';
import { MemoryPresenceRegistry, type PresenceRegistry } from './presence/index.js';
import { createRouting, type Routing } from './routing/index.js';
import { TeamStore } from './teams/index.js';
import { AuditLog, createPrivacy, type Privacy } from './privacy/index.js';
import { type Automation, createAutomation } from './automation/index.js';
import { Webhooks, type WebhookOptions } from './webhooks/index.js';
import { HelpCenter } from './help/index.js';
import { type Bots, createBots } from './bots/index.js';

export * from './agents/index.js';
export * from './api-tokens/index.js';
export * from './attachments/index.js';
export * from './bus.js';
export * from './contacts/index.js';
export * from './content/index.js';
export * from './conversations/index.js';
export * from './errors.js';
export * from './events/index.js';
export * from './identity/index.js';
export * from './series/index.js';
export * from './surveys/index.js';
export * from './tours/index.js';
export * from './workspaces/index.js';
export * from './service-levels/index.js';
export * from './reports/index.js';
export * from './canned-replies/index.js';
export * from './notes/index.js';
export * from './search/index.js';
export * from './tags/index.js';
export * from './views/index.js';
export { actsAsAdmin } from './admin-role.js';
export * from './presence/index.js';
export * from './routing/index.js';
export * from './teams/index.js';
export * from './privacy/index.js';
export * from './automation/index.js';
export * from './webhooks/index.js';
export * from './help/index.js';
export * from './bots/index.js';

/** Every domain service, wired once per process and handed to the edges. */
export interface Domain {
  db: Kysely<Database>;
  bus: DomainBus;
  workspaces: WorkspaceDirectory;
  contacts: ContactStore;
  identity: IdentityResolver;
  events: EventLog;
  messages: MessageLog;
  conversations: Conversations;
  agents: AgentDirectory;
  /** API tokens: scopes, hashed values, revocation (docs/api.md). */
  apiTokens: ApiTokens;
  visitorTokens: VisitorTokens;
  attachments: Attachments;
  segments: SegmentStore;
  targeting: TargetingContexts;
  audiences: AudienceScanner;
  inApp: InAppMessages;
  series: SeriesRunner;
  surveys: SurveyStore;
  responses: SurveyResponses;
  surveyResults: SurveyResults;
  conversationSurveys: ConversationSurveys;
  tours: TourStore;
  tourRuns: TourRuns;
  pickerTokens: PickerTokens;
  tags: TagStore;
  notes: NoteStore;
  cannedReplies: CannedReplies;
  views: SavedViews;
  /** Full-text search: SQLite FTS5 or Postgres tsvector. */
  search: ConversationSearch;
  snoozes: SnoozeWaker;
  teams: TeamStore;
  /** Who is online (this node's memory; Redis-backed with the scale-out issue). */
  presence: PresenceRegistry;
  /** Agents with role, capacity, presence and open conversations. */
  roster: AgentRoster;
  /** Assignment rules, automatic and manual assignment, hand-out on offline. */
  routing: Routing;
  /** Automation rules (docs/automation.md): the engine following the bus, and the run log. */
  automation: Automation;
  /** Business hours, SLA policies (workspace and team overrides), SLA clocks, away acknowledgements. */
  serviceLevels: ServiceLevels;
  /** The widget's expected reply time. */
  replyTimes: ReplyTimes;
  /** `reports/conversations` and its CSV. */
  reports: ConversationReports;
  /** Webhook subscriptions, their outbox and this process's delivery runner. */
  webhooks: Webhooks;
  /** `reports/topics`: what visitors ask most. */
  topics: QuestionTopics;
  /** Append-only record of who read or changed personal data and settings (docs/privacy.md). */
  audit: AuditLog;
  /** Contact export and erase, retention, the visitor's own export links. */
  privacy: Privacy;
  /** Help center: articles and collections, search and answer suggestions, views and votes (docs/help-center.md). */
  help: HelpCenter;
  /** Custom bots and the answer bot (docs/bots.md): they talk to a new conversation's visitor before routing. */
  bots: Bots;
}

export interface DomainOptions {
  /** Where uploads are kept: a directory (the disk store) or any FileStore. */
  uploads?: { dir: string } | { store: FileStore };
  uploadMaxBytes?: number;
  /** Where agents' presence lives: this process's memory unless given (Redis with several nodes). */
  presence?: PresenceRegistry;
  /** Webhook targets: private addresses refused unless allowed (WEBHOOK_ALLOW_PRIVATE). */
  webhooks?: WebhookOptions;
  /** The header a proxy in front sets to the visitor's country (`COUNTRY_HEADER`); unset: no country is recorded. */
  countryHeader?: string;
  /** The server's public URL (`PUBLIC_URL`): bots link help articles with it. */
  publicUrl?: string;
}

export async function createDomain(db: Kysely<Database>, options: DomainOptions = {}): Promise<Domain> {
  const bus = new DomainBus();
  const secret = await loadServerSecret(db);
  const uploads = options.uploads ?? { dir: 'data/uploads' };
  const attachments = new Attachments(db, {
    files: 'store' in uploads ? uploads.store : diskFileStore(uploads.dir),
    secret,
    maxBytes: options.uploadMaxBytes ?? 10 * 1024 * 1024,
  });
  const events = new EventLog(db, bus);
  const workspaces = new WorkspaceDirectory(db);
  const segments = new SegmentStore(db);
  const targeting = new TargetingContexts(db, segments);
  const audiences = new AudienceScanner(db, targeting);
  const campaigns = new CampaignStore(db);
  const deliveries = new Deliveries(db, events);
  const contacts = new ContactStore(db, bus);
  const messages = new MessageLog(db, bus, attachments);
  const search: ConversationSearch = isSqlite(db) ? new SqliteConversationSearch(db) : new PostgresConversationSearch(db);
  const conversations = new Conversations(db, bus, messages, search);
  const serviceLevels = new ServiceLevels(db, workspaces);
  conversations.useServiceLevels(serviceLevels);
  const responses = new SurveyResponses(db, { campaigns, deliveries, contacts, conversations, messages, events, bus });
  const tourRuns = new TourRuns(db, { campaigns, deliveries, events, bus });
  const inApp = new InAppMessages(db, campaigns, deliveries, targeting, workspaces, responses, tourRuns);
  const presence = options.presence ?? new MemoryPresenceRegistry();
  const teams = new TeamStore(db);
  const audit = new AuditLog(db);
  const domain: Omit<Domain, 'automation' | 'bots'> = {
    db,
    bus,
    workspaces,
    contacts,
    identity: new IdentityResolver(db, contacts, bus, attachments),
    events,
    messages,
    conversations,
    agents: new AgentDirectory(db),
    apiTokens: new ApiTokens(db),
    visitorTokens: new VisitorTokens(secret),
    attachments,
    segments,
    targeting,
    audiences,
    inApp,
    series: new SeriesRunner(db, new SeriesStore(db), targeting, inApp, audiences),
    surveys: new SurveyStore(campaigns),
    responses,
    surveyResults: new SurveyResults(db, { deliveries, segments, targeting }),
    conversationSurveys: new ConversationSurveys(db, { campaigns, deliveries, contacts, messages }),
    tours: new TourStore(campaigns),
    tourRuns,
    pickerTokens: new PickerTokens(secret),
    tags: new TagStore(db, bus),
    notes: new NoteStore(db, bus),
    cannedReplies: new CannedReplies(db),
    views: new SavedViews(db),
    search,
    snoozes: new SnoozeWaker(db, bus),
    teams,
    presence,
    roster: new AgentRoster(db, presence),
    routing: createRouting({ db, bus, presence, targeting, workspaces, teams, conversations }),
    serviceLevels,
    replyTimes: new ReplyTimes(db),
    reports: new ConversationReports(db),
    webhooks: new Webhooks(db, options.webhooks ?? { allowPrivate: false }),
    topics: new QuestionTopics(db),
    audit,
    privacy: createPrivacy({ db, attachments, bus, audit, secret, countryHeader: options.countryHeader }),
    help: new HelpCenter(db, workspaces),
  };
  const automation = createAutomation(domain);
  const bots = createBots({ ...domain, articles: () => domain.help, publicUrl: options.publicUrl ?? 'http://localhost:3000' });
  return { ...domain, automation, bots };
}
export { idFromParams, validate } from './validate.js';
