/**
 * `#/settings/bots`: the answer bot's switch and the custom bots, with what
 * their editors need — teams, tags and segments. A list an agent may not read
 * loads as empty rather than failing the page.
 */
import type { AnswerBotSettings, Bot, Segment } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { type BotReferences, botsInOrder } from '../../state/bot-form.js';
import { LoadState } from '../content/LoadState.js';
import { useResource } from '../content/use-resource.js';
import { AnswerBotSetting } from './AnswerBotSetting.js';
import { BotsSection } from './BotsSection.js';
import '../../styles/automation.css';
import '../../styles/bots.css';

export type BotsSettingsApi = Pick<
  InboxApi,
  'listBots' | 'createBot' | 'updateBot' | 'deleteBot' | 'reorderBots' | 'getAnswerBot' | 'updateAnswerBot' | 'listTeams' | 'listTags' | 'listSegments'
>;

interface Loaded {
  bots: readonly Bot[];
  answerBot: AnswerBotSettings;
  refs: BotReferences;
  segments: readonly Segment[];
}

const orEmpty = <T,>(load: () => Promise<{ data: T[] }>): Promise<T[]> => load().then((page) => page.data, () => []);

export function BotsSettingsPage({ api, canEdit }: { api: BotsSettingsApi; canEdit: boolean }) {
  const { resource, retry, set } = useResource<Loaded>(
    async () => {
      const [bots, answerBot, teams, tags, segments] = await Promise.all([
        api.listBots(),
        api.getAnswerBot(),
        orEmpty(() => api.listTeams()),
        orEmpty(() => api.listTags()),
        orEmpty(() => api.listSegments()),
      ]);
      return { bots: botsInOrder(bots.data), answerBot, refs: { teams, tags }, segments };
    },
    'bots',
    'Could not load the bots.',
  );
  if (resource.status !== 'ready') return <LoadState resource={resource} what="bots" onRetry={retry} />;
  const loaded = resource.value;
  return (
    <div class="settings-page">
      <AnswerBotSetting api={api} settings={loaded.answerBot} canEdit={canEdit} onChange={(answerBot) => set({ ...loaded, answerBot })} />
      <BotsSection api={api} bots={loaded.bots} refs={loaded.refs} segments={loaded.segments} canEdit={canEdit} onChange={(bots) => set({ ...loaded, bots })} />
    </div>
  );
}
