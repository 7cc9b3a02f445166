/** The content screens (`#/messages…`, `#/segments…`, `#/series…`, `#/tours…`, `#/surveys…`, `#/help…`): a list, an editor, a survey's results or a tour's stats, by the hash. */
import type { AgentProfile } from '../../protocol/index.js';
import type { InboxApi } from '../api/endpoints.js';
import type { ContentPlace } from '../host/hash-route.js';
import { MessageEditor } from './messages/MessageEditor.js';
import { MessagesTable } from './messages/MessagesTable.js';
import { SegmentEditor } from './segments/SegmentEditor.js';
import { SegmentsTable } from './segments/SegmentsTable.js';
import { SeriesEditor } from './series/SeriesEditor.js';
import { SeriesTable } from './series/SeriesTable.js';
import { SurveyEditor } from './surveys/SurveyEditor.js';
import { SurveyResultsPage } from './surveys/SurveyResultsPage.js';
import { SurveysTable } from './surveys/SurveysTable.js';
import { TourEditor } from './tours/TourEditor.js';
import { ToursTable } from './tours/ToursTable.js';
import { TourStatsPage } from './tours/TourStatsPage.js';
import { HelpCenterScreen } from './help/HelpCenterScreen.js';
import '../styles/content.css';

export interface ContentScreenProps {
  place: ContentPlace;
  api: InboxApi;
  agent: AgentProfile;
  agents: readonly AgentProfile[];
}

export function ContentScreen({ place, api, agent, agents }: ContentScreenProps) {
  if (place.view === 'results') return <SurveyResultsPage key={place.id} api={api} id={place.id} />;
  if (place.view === 'stats') return <TourStatsPage key={place.id} api={api} id={place.id} />;
  const id = place.view === 'edit' ? place.id : null;
  // Keyed by item: another message is a fresh form, never the previous one's state.
  const key = id ?? 'new';
  switch (place.section) {
    case 'messages':
      return place.view === 'list' ? <MessagesTable api={api} /> : <MessageEditor key={key} api={api} id={id} agents={agents} agentId={agent.id} />;
    case 'segments':
      return place.view === 'list' ? <SegmentsTable api={api} /> : <SegmentEditor key={key} api={api} id={id} />;
    case 'series':
      return place.view === 'list' ? <SeriesTable api={api} /> : <SeriesEditor key={key} api={api} id={id} />;
    case 'surveys':
      return place.view === 'list' ? <SurveysTable api={api} /> : <SurveyEditor key={key} api={api} id={id} agents={agents} />;
    case 'tours':
      return place.view === 'list' ? <ToursTable api={api} /> : <TourEditor key={key} api={api} id={id} />;
    case 'help':
      return <HelpCenterScreen key={key} api={api} id={place.view === 'list' ? undefined : id} />;
  }
}
