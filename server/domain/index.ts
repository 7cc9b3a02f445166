import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';
import { AgentDirectory } from './agents/index.js';
import { DomainBus } from './bus.js';
import { ContactStore, IdentityResolver } from './contacts/index.js';
import { Conversations, MessageLog } from './conversations/index.js';
import { EventLog } from './events/index.js';
import { VisitorTokens } from './identity/index.js';
import { loadServerSecret } from './server-secret.js';
import { WorkspaceDirectory } from './workspaces/index.js';

export * from './agents/index.js';
export * from './bus.js';
export * from './contacts/index.js';
export * from './conversations/index.js';
export * from './errors.js';
export * from './events/index.js';
export * from './identity/index.js';
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
}

export async function createDomain(db: Kysely<Database>): Promise<Domain> {
  const bus = new DomainBus();
  const contacts = new ContactStore(db, bus);
  const messages = new MessageLog(db, bus);
  return {
    db,
    bus,
    workspaces: new WorkspaceDirectory(db),
    contacts,
    identity: new IdentityResolver(db, contacts, bus),
    events: new EventLog(db),
    messages,
    conversations: new Conversations(db, bus, messages),
    agents: new AgentDirectory(db),
    visitorTokens: new VisitorTokens(await loadServerSecret(db)),
  };
}
export { idFromParams, validate } from './validate.js';
