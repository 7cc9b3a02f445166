/**
 * `#/series/new` and `#/series/<id>`: name, entry rule, the ordered steps and
 * status; on a saved series, how many contacts entered, are active, completed
 * or exited, and where each step stands.
 */
import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CONTENT_LIMITS, type InAppMessage, type Segment, type Series } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { ApiError } from '../../api/http.js';
import { contentHref } from '../../host/hash-route.js';
import { seriesDraftFrom, seriesInputFrom, seriesPatch, seriesServerErrors, type SeriesDraft, type SeriesErrors } from '../../state/series-form.js';
import { ConfirmDelete } from '../content/ConfirmDelete.js';
import { ContentPage } from '../content/ContentPage.js';
import { EditorActions, StatusField } from '../content/EditorActions.js';
import { Field } from '../content/Field.js';
import { LoadState } from '../content/LoadState.js';
import { errorText, useResource } from '../content/use-resource.js';
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
  const { resource, retry } = useResource<Loaded>(
    async () => {
      const [series, messages, segments] = await Promise.all([
        id ? api.getSeries(id) : Promise.resolve(null),
        api.listInAppMessages().then((p) => p.data, () => []),
        api.listSegments().then((p) => p.data, () => []),
      ]);
      return { series, messages, segments };
    },
    id ?? 'new',
    'Could not load the series.',
  );
  if (resource.status !== 'ready') {
    return (
      <ContentPage titleId="series-title" title={id ? 'Series' : 'New series'} back={{ href: contentHref('series'), label: 'All series' }}>
        <LoadState resource={resource} what="series" onRetry={retry} />
      </ContentPage>
    );
  }
  return <SeriesForm api={api} loaded={resource.value} />;
}

function SeriesForm({ api, loaded }: { api: SeriesApi; loaded: Loaded }) {
  const [saved, setSaved] = useState<Series | null>(loaded.series);
  const [draft, setDraft] = useState<SeriesDraft>(() => seriesDraftFrom(saved));
  const [showErrors, setShowErrors] = useState(false);
  const [serverErrors, setServerErrors] = useState<SeriesErrors | null>(null);
  const [alert, setAlert] = useState('');
  const [notice, setNotice] = useState('');
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useRef(false);
  const stats = useSeriesStats(api, saved?.id ?? null);

  const result = useMemo(() => seriesInputFrom(draft), [draft]);
  const errors = serverErrors ?? (showErrors && !result.ok ? result.errors : null);

  useEffect(() => {
    if (!focusInvalid.current) return;
    focusInvalid.current = false;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });

  function edit(change: Partial<SeriesDraft>, announce = ''): void {
    setDraft((d) => ({ ...d, ...change }));
    setServerErrors(null);
    setNotice(announce);
    setAlert('');
  }

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (saving) return;
    setShowErrors(true);
    if (!result.ok) {
      setAlert('Some fields need your attention.');
      focusInvalid.current = true;
      return;
    }
    setSaving(true);
    setAlert('');
    try {
      const next = saved ? await api.updateSeries(saved.id, seriesPatch(saved, result.input)) : await api.createSeries(result.input);
      if (!saved) history.replaceState(null, '', contentHref('series', { id: next.id }));
      setSaved(next);
      setShowErrors(false);
      setNotice(saved ? 'Series saved.' : 'Series created.');
    } catch (failure) {
      const mapped = failure instanceof ApiError && failure.code === 'validation_failed' ? seriesServerErrors(failure.message, draft) : null;
      if (mapped) {
        setServerErrors(mapped);
        focusInvalid.current = true;
      }
      setAlert(mapped ? 'The server refused a field: see below it.' : errorText(failure, 'Could not save the series.'));
    } finally {
      setSaving(false);
    }
  }

  return (
    <ContentPage titleId="series-title" title={saved ? saved.name : 'New series'} back={{ href: contentHref('series'), label: 'All series' }}>
      {saved && <SeriesTotals stats={stats} />}
      <form class="editor__form series-form" ref={formRef} onSubmit={submit} noValidate aria-labelledby="series-title">
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
        <EditorActions saving={saving} alert={alert} notice={notice}>
          {saved && (
            <ConfirmDelete
              thing="series"
              onConfirm={async () => {
                try {
                  await api.deleteSeries(saved.id);
                  window.location.hash = contentHref('series');
                } catch (failure) {
                  setAlert(errorText(failure, 'Could not delete the series.'));
                }
              }}
            />
          )}
        </EditorActions>
      </form>
    </ContentPage>
  );
}
