/**
 * The typed Socket.IO event maps: one source for both ends of /visitor and /agent.
 * Requests carry an ack callback and are always answered with an `Ack`.
 */
import type { Ack } from './ack.js';
import type { ContentSnapshot } from './content/models.js';
import type { ContentClaimInput, ContentOutcomeInput } from './content/schemas.js';
import type { EligibleMessage } from './content/models.js';
import type { ConversationRatingInput, SurveyAnswerInput } from './surveys/schemas.js';
import type { TourProgress } from './tours/models.js';
import type { HelpArticleContent, HelpArticleSummary, HelpSuggestions } from './help/models.js';
import type { HelpArticleRequest, HelpSearchInput, HelpSuggestInput, HelpVoteInput } from './help/schemas.js';
import type { AgentConversation, ContactProfile, Message, VisitorConversation } from './models.js';
import type { PresenceNotice } from './inbox/teams.js';
import type { ConversationNote, ConversationViewers, MentionNotice } from './inbox-tools/models.js';
import type { ConversationViewInput } from './inbox-tools/schemas.js';
import type {
  ReadInput,
  SendMessageInput,
  StartConversationInput,
  SyncMessagesInput,
  TypingInput,
} from './schemas.js';

export interface SyncResult {
  messages: Message[];
  /** The conversation's lastSeq when the page was read; more pages if above the last message's seq. */
  lastSeq: number;
}

export interface TypingNotice {
  conversationId: string;
  typing: boolean;
  author: 'visitor' | 'agent';
  name: string | null;
}

export interface ReadNotice {
  conversationId: string;
  seq: number;
  by: 'visitor' | 'agent';
}

/** Handshake `auth` of the /visitor namespace (never a cookie: see DESIGN.md §5). */
export interface VisitorHandshakeAuth {
  token: string;
}

export interface VisitorClientToServerEvents {
  'conversations:list': (payload: Record<string, never>, ack: (r: Ack<{ conversations: VisitorConversation[] }>) => void) => void;
  'conversation:start': (input: StartConversationInput, ack: (r: Ack<{ conversation: VisitorConversation; message: Message }>) => void) => void;
  'message:send': (input: SendMessageInput, ack: (r: Ack<{ message: Message }>) => void) => void;
  'messages:sync': (input: SyncMessagesInput, ack: (r: Ack<SyncResult>) => void) => void;
  typing: (input: TypingInput) => void;
  read: (input: ReadInput, ack?: (r: Ack<{ seq: number }>) => void) => void;
  /** In-app messages this contact is eligible for now (the server decided the audience). */
  'content:list': (payload: Record<string, never>, ack: (r: Ack<ContentSnapshot>) => void) => void;
  /** The moment came: asks to send one. Refused when its schedule or send limit says no. */
  'content:claim': (input: ContentClaimInput, ack: (r: Ack<{ deliveryId: string }>) => void) => void;
  /** shown / opened / clicked / dismissed, for stats and as events on the contact. */
  'content:outcome': (input: ContentOutcomeInput, ack: (r: Ack<{ recorded: boolean }>) => void) => void;
  /** Answers so far (saved as they come); `completed` at the end. */
  'survey:answer': (input: SurveyAnswerInput, ack: (r: Ack<{ completed: boolean }>) => void) => void;
  /** A survey a message of a conversation carries (`Message.survey`): its questions and the answers saved so far. */
  'survey:load': (input: { deliveryId: string }, ack: (r: Ack<{ message: EligibleMessage }>) => void) => void;
  /** `Messenger.startSurvey(id)`: the survey, ready to show now. */
  'survey:start': (input: { surveyId: string }, ack: (r: Ack<{ message: EligibleMessage }>) => void) => void;
  /** `Messenger.startTour(id)`: the tour, ready to run now (an unfinished run resumes where it was). */
  'tour:start': (input: { tourId: string }, ack: (r: Ack<{ message: EligibleMessage }>) => void) => void;
  /** Where the user is in a running tour: a step seen, an element missing, the end. */
  'tour:progress': (input: TourProgress, ack: (r: Ack<{ status: 'running' | 'completed' | 'dismissed' | 'element_missing' }>) => void) => void;
  /** The element picker asks whether its authoring token (from the inbox) is good for this workspace. */
  'tour:picker': (input: { token: string }, ack: (r: Ack<{ ok: true }>) => void) => void;
  /** CSAT after close: the visitor rates a closed conversation. */
  'conversation:rate': (input: ConversationRatingInput, ack: (r: Ack<{ conversation: VisitorConversation }>) => void) => void;
  /** Help center: live articles ranked for a search box text or a first message being written. */
  'help:search': (input: HelpSearchInput, ack: (r: Ack<{ articles: HelpArticleSummary[] }>) => void) => void;
  /** Help center: articles meant for this page (or the most read). */
  'help:suggest': (input: HelpSuggestInput, ack: (r: Ack<HelpSuggestions>) => void) => void;
  /** Help center: one live article, its view recorded. */
  'help:article': (input: HelpArticleRequest, ack: (r: Ack<{ article: HelpArticleContent }>) => void) => void;
  /** Help center: "Did this help?" (one vote per contact, changeable). */
  'help:vote': (input: HelpVoteInput, ack: (r: Ack<{ helpful: boolean }>) => void) => void;
}

export interface VisitorServerToClientEvents {
  'message:new': (message: Message) => void;
  'conversation:updated': (conversation: VisitorConversation) => void;
  typing: (notice: TypingNotice) => void;
  read: (notice: ReadNotice) => void;
  /** The contact's eligible messages changed (traits, events, content edits): the new list. */
  'content:changed': (snapshot: ContentSnapshot) => void;
}

export interface AgentClientToServerEvents {
  'message:send': (input: SendMessageInput, ack: (r: Ack<{ message: Message }>) => void) => void;
  'messages:sync': (input: SyncMessagesInput, ack: (r: Ack<SyncResult>) => void) => void;
  typing: (input: TypingInput) => void;
  read: (input: ReadInput, ack?: (r: Ack<{ seq: number }>) => void) => void;
  /** The collision hint: this tab opened (or left) a conversation; the ack carries who is viewing it now. */
  'conversation:view': (input: ConversationViewInput, ack?: (r: Ack<ConversationViewers>) => void) => void;
}

export interface AgentServerToClientEvents {
  'message:new': (message: Message) => void;
  'conversation:updated': (conversation: AgentConversation) => void;
  'contact:updated': (contact: ContactProfile) => void;
  typing: (notice: TypingNotice) => void;
  read: (notice: ReadNotice) => void;
  /** An internal note was added (to every agent of the workspace; never to the visitor). */
  'note:new': (note: ConversationNote) => void;
  /** A note mentions you (to the mentioned agent's own sockets only). */
  mention: (notice: MentionNotice) => void;
  /** Who is viewing a conversation changed (to every agent of the workspace). */
  viewers: (viewers: ConversationViewers) => void;
  /** An agent of the workspace went online, away or offline (to every agent of the workspace). */
  presence: (notice: PresenceNotice) => void;
}
