import type { Kysely } from 'kysely';
import { type Database, diskFileStore, type FileStore } from '../store/index.js';
import { AgentDirectory } from './agents/index.js';
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

export * from './agents/index.js';
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
}

export interface DomainOptions {
  /** Where uploads are kept: a directory (the disk store) or any FileStore. */
  uploads?: { dir: string } | { store: FileStore };
  uploadMaxBytes?: number;
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
  const conversations = new Conversations(db, bus, messages);
  const responses = new SurveyResponses(db, { campaigns, deliveries, contacts, conversations, messages, events });
  const tourRuns = new TourRuns(db, { campaigns, deliveries, events });
  const inApp = new InAppMessages(db, campaigns, deliveries, targeting, workspaces, responses, tourRuns);
  return {
    db,
    bus,
    workspaces,
    contacts,
    identity: new IdentityResolver(db, contacts, bus, attachments),
    events,
    messages,
    conversations,
    agents: new AgentDirectory(db),
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
  };
}
export { idFromParams, validate } from './validate.js';
