/**
 * `#/tours/new` and `#/tours/<id>`: the tour's name, its ordered steps (each
 * with its element, picked on the team's site or typed), audience, delivery
 * (trigger, frequency, schedule, priority) and status, beside a live preview
 * of the widget's own step view. Problems are shown where they are (a step's
 * field), from our own check of the server's rules first and from the
 * server's answer.
 */
import { useMemo, useState } from 'preact/hooks';
import type { Segment, Tour } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { tourStatsHref } from '../../host/hash-route.js';
import { previewTourStep, TOUR_FORM_LIMITS, tourDraftFrom, type TourDraft } from '../../state/tour-draft.js';
import { tourInputFrom, tourPatch, tourServerErrors } from '../../state/tour-input.js';
import { ConfirmDelete } from '../content/ConfirmDelete.js';
import { ContentPage, listBack } from '../content/ContentPage.js';
import { DeliveryFields } from '../content/DeliveryFields.js';
import { EditorActions, StatusField } from '../content/EditorActions.js';
import { EditorLoader } from '../content/EditorLoader.js';
import { Field, FieldError } from '../content/Field.js';
import { useContentEditor } from '../content/use-content-editor.js';
import { RuleBuilder } from '../rules/RuleBuilder.js';
import { TourPreview } from './TourPreview.js';
import { TourSteps } from './TourSteps.js';
import '../../styles/content.css';
import '../../styles/message-editor.css';
import '../../styles/surveys.css';
import '../../styles/tours.css';

type EditorApi = Pick<InboxApi, 'getTour' | 'createTour' | 'updateTour' | 'deleteTour' | 'createPickerLink' | 'listSegments' | 'getSettings'>;

interface Loaded {
  tour: Tour | null;
  segments: Segment[];
  brand: string;
}

const DEFAULT_BRAND = '#4f46e5';

export function TourEditor({ api, id }: { api: EditorApi; id: string | null }) {
  return (
    <EditorLoader<Loaded>
      section="tours"
      noun="tour"
      titleId="tour-title"
      id={id}
      load={async () => {
        const [tour, segments, brand] = await Promise.all([
          id ? api.getTour(id) : Promise.resolve(null),
          // The form works without these: no segment choices, the default brand colour.
          api.listSegments().then((page) => page.data, () => []),
          api.getSettings().then((s) => s.color, () => DEFAULT_BRAND),
        ]);
        return { tour, segments, brand };
      }}
    >
      {(loaded) => <TourForm api={api} loaded={loaded} />}
    </EditorLoader>
  );
}

function TourForm({ api, loaded }: { api: EditorApi; loaded: Loaded }) {
  const form = useContentEditor({
    noun: 'tour',
    section: 'tours',
    initial: loaded.tour,
    draftFrom: tourDraftFrom,
    check: tourInputFrom,
    create: (input) => api.createTour(input),
    update: (saved, input) => api.updateTour(saved.id, tourPatch(saved, input)),
    remove: (saved) => api.deleteTour(saved.id),
    serverErrors: tourServerErrors,
  });
  const { draft, saved } = form;
  const errors = form.serverErrors ?? form.ownErrors;
  const fields = errors?.fields ?? {};
  const [selected, setSelected] = useState(0);
  const shown = Math.min(selected, Math.max(0, draft.steps.length - 1));
  const previewSteps = useMemo(() => draft.steps.map(previewTourStep), [draft.steps]);

  function edit<K extends keyof TourDraft>(field: K, value: TourDraft[K]): void {
    const change: Partial<TourDraft> = {};
    change[field] = value;
    form.edit(change);
  }

  return (
    <ContentPage
      titleId="tour-title"
      title={saved ? saved.name : 'New tour'}
      back={listBack('tours')}
      wide
      actions={
        saved && (
          <a class="button" href={tourStatsHref(saved.id)}>
            Stats
          </a>
        )
      }
    >
      <div class="editor">
        <form class="editor__form" ref={form.formRef} onSubmit={form.submit} noValidate aria-labelledby="tour-title">
          <section class="settings__section" aria-labelledby="tour-about-title">
            <h2 id="tour-about-title" class="settings__section-title">
              Tour
            </h2>
            <Field id="tour-name" label="Name" error={fields.name} hint="Only your team sees it.">
              {(aria) => <input {...aria} class="input" type="text" maxLength={TOUR_FORM_LIMITS.name} value={draft.name} onInput={(e) => edit('name', e.currentTarget.value)} />}
            </Field>
          </section>

          <TourSteps
            api={api}
            steps={draft.steps}
            onChange={(steps, announce) => form.edit({ steps }, announce)}
            errors={errors}
            selected={shown}
            onSelect={setSelected}
          />

          <section class="settings__section" aria-labelledby="tour-audience-title">
            <h2 id="tour-audience-title" class="settings__section-title">
              Audience
            </h2>
            <RuleBuilder
              legend="Audience"
              legendHidden
              idPrefix="tour-audience"
              draft={draft.audience}
              onChange={(audience) => edit('audience', audience)}
              errors={errors?.audience ?? null}
              segments={loaded.segments}
              hint="Who may be shown the tour. With no conditions, everyone may."
            />
            <FieldError id="tour-audience-error" text={errors?.audience ? undefined : fields.audience} />
          </section>

          <DeliveryFields idPrefix="tour" noun="tour" draft={draft} edit={edit} errors={fields} />

          <StatusField name="tour-status" value={draft.status} onChange={(status) => edit('status', status)} />
          <EditorActions saving={form.saving} alert={form.alert} notice={form.notice}>
            {saved && <ConfirmDelete thing="tour" onConfirm={form.remove} />}
          </EditorActions>
        </form>
        <aside class="editor__aside" aria-label="Preview">
          <TourPreview steps={previewSteps} index={shown} onIndex={setSelected} brand={loaded.brand} />
        </aside>
      </div>
    </ContentPage>
  );
}
