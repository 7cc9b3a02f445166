/**
 * `#/series/new` and `#/series/<id>`: name, entry rule, the ordered steps and
 * status; on a saved series, how many contacts entered, are active, completed
 * or exited, and where each step stands.
 */
import { CONTENT_LIMITS, type InAppMessage, type Segment, type Series } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { seriesDraftFrom, seriesInputFrom, seriesPatch, seriesServerErrors } from '../../state/series-form.js';
import { ConfirmDelete } from '../content/ConfirmDelete.js';
import { ContentPage, listBack } from '../content/ContentPage.js';
import { EditorActions, StatusField } from '../content/EditorActions.js';
import { Field } from '../content/Field.js';
import { EditorLoader } from '../content/EditorLoader.js';
import { useContentEditor } from '../content/use-content-editor.js';
import { RuleBuilder } from '../rules/RuleBuilder.js';
import { SeriesSteps } from './SeriesSteps.js';
import { SeriesTotals, useSeriesStats } from './SeriesTotals.js';
import '../../styles/content.css';
import '../../styles/series.css';

type SeriesApi = Pick<InboxApi, 'getSeries' | 'createSeries' | 'updateSeries' | 'deleteSeries' | 'getSeriesStats' | 'listInAppMessages' | 'listSegments'>;

interface Loaded {
  series: Series | null;
  messages: InAppMessage[];
  segments: Segment[];
}

export function SeriesEditor({ api, id }: { api: SeriesApi; id: string | null }) {
  return (
    <EditorLoader<Loaded>
      section="series"
      noun="series"
      titleId="series-title"
      id={id}
      load={async () => {
        const [series, messages, segments] = await Promise.all([
          id ? api.getSeries(id) : Promise.resolve(null),
          api.listInAppMessages().then((p) => p.data, () => []),
          api.listSegments().then((p) => p.data, () => []),
        ]);
        return { series, messages, segments };
      }}
    >
      {(loaded) => <SeriesForm api={api} loaded={loaded} />}
    </EditorLoader>
  );
}

function SeriesForm({ api, loaded }: { api: SeriesApi; loaded: Loaded }) {
  const form = useContentEditor({
    noun: 'series',
    section: 'series',
    initial: loaded.series,
    draftFrom: seriesDraftFrom,
    check: seriesInputFrom,
    create: (input) => api.createSeries(input),
    update: (saved, input) => api.updateSeries(saved.id, seriesPatch(saved, input)),
    remove: (saved) => api.deleteSeries(saved.id),
    serverErrors: seriesServerErrors,
  });
  const { draft, saved, edit } = form;
  const stats = useSeriesStats(api, saved?.id ?? null);
  const errors = form.serverErrors ?? form.ownErrors;

  return (
    <ContentPage titleId="series-title" title={saved ? saved.name : 'New series'} back={listBack('series')}>
      {saved && <SeriesTotals stats={stats} />}
      <form class="editor__form series-form" ref={form.formRef} onSubmit={form.submit} noValidate aria-labelledby="series-title">
        <section class="settings__section" aria-labelledby="series-entry-title">
          <h2 id="series-entry-title" class="settings__section-title">
            Entry
          </h2>
          <Field id="series-name" label="Name" error={errors?.fields.name}>
            {(aria) => <input {...aria} class="input" type="text" maxLength={CONTENT_LIMITS.name} value={draft.name} onInput={(e) => edit({ name: e.currentTarget.value })} />}
          </Field>
          <RuleBuilder
            legend="Entry rule"
            idPrefix="series-entry"
            draft={draft.entry}
            onChange={(entry) => edit({ entry })}
            errors={errors?.entry ?? null}
            segments={loaded.segments}
            hint="Contacts who match enter the series, each once. With no conditions, everyone does."
          />
        </section>
        <SeriesSteps
          steps={draft.steps}
          onChange={(steps, announce) => edit({ steps }, announce)}
          messages={loaded.messages}
          segments={loaded.segments}
          stats={stats}
          errors={errors}
        />
        <StatusField name="series-status" value={draft.status} onChange={(status) => edit({ status })} />
        <EditorActions saving={form.saving} alert={form.alert} notice={form.notice}>
          {saved && <ConfirmDelete thing="series" onConfirm={form.remove} />}
        </EditorActions>
      </form>
    </ContentPage>
  );
}
