/**
 * `#/surveys/new` and `#/surveys/<id>`: name and display, the ordered
 * questions with their logic, the thank-you, audience and sample, delivery,
 * follow-ups and status, beside a live preview of the widget's survey view.
 * Problems are shown where they are (a question, a jump, a follow-up), from
 * our own check of the protocol schema first and from the server's answer.
 */
import { useMemo, useState } from 'preact/hooks';
import { CONTENT_LIMITS, SURVEY_LIMITS, type AgentProfile, type Segment, type Survey } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { surveyResultsHref } from '../../host/hash-route.js';
import { previewSurvey } from '../../state/survey-preview.js';
import { surveyDraftFrom, type SurveyDraft } from '../../state/survey-draft.js';
import { surveyInputFrom, surveyPatch, surveyServerErrors } from '../../state/survey-input.js';
import { ConfirmDelete } from '../content/ConfirmDelete.js';
import { ContentPage, listBack } from '../content/ContentPage.js';
import { DeliveryFields } from '../content/DeliveryFields.js';
import { EditorActions, StatusField } from '../content/EditorActions.js';
import { EditorLoader } from '../content/EditorLoader.js';
import { Field, FieldError } from '../content/Field.js';
import { useContentEditor } from '../content/use-content-editor.js';
import { RuleBuilder } from '../rules/RuleBuilder.js';
import { SurveyFollowUps } from './SurveyFollowUps.js';
import { SurveyPreview } from './SurveyPreview.js';
import { SurveyQuestions } from './SurveyQuestions.js';
import '../../styles/content.css';
import '../../styles/message-editor.css';
import '../../styles/surveys.css';

type EditorApi = Pick<InboxApi, 'getSurvey' | 'createSurvey' | 'updateSurvey' | 'deleteSurvey' | 'listSegments' | 'getSettings'>;

export interface SurveyEditorProps {
  api: EditorApi;
  /** null: a new survey. */
  id: string | null;
  /** Follow-ups can assign their conversation to one of them. */
  agents: readonly AgentProfile[];
}

interface Loaded {
  survey: Survey | null;
  segments: Segment[];
  look: { brand: string; name: string };
}

const DEFAULT_LOOK = { brand: '#4f46e5', name: 'Your workspace' };

export function SurveyEditor({ api, id, agents }: SurveyEditorProps) {
  return (
    <EditorLoader<Loaded>
      section="surveys"
      noun="survey"
      titleId="survey-title"
      id={id}
      load={async () => {
        const [survey, segments, look] = await Promise.all([
          id ? api.getSurvey(id) : Promise.resolve(null),
          // The form works without these: no segment choices, the default look.
          api.listSegments().then((page) => page.data, () => []),
          api.getSettings().then((s) => ({ brand: s.color, name: s.name }), () => DEFAULT_LOOK),
        ]);
        return { survey, segments, look };
      }}
    >
      {(loaded) => <SurveyForm api={api} loaded={loaded} agents={agents} />}
    </EditorLoader>
  );
}

function SurveyForm({ api, loaded, agents }: { api: EditorApi; loaded: Loaded; agents: readonly AgentProfile[] }) {
  const form = useContentEditor({
    noun: 'survey',
    section: 'surveys',
    initial: loaded.survey,
    draftFrom: surveyDraftFrom,
    check: surveyInputFrom,
    create: (input) => api.createSurvey(input),
    update: (saved, input) => api.updateSurvey(saved.id, surveyPatch(saved, input)),
    remove: (saved) => api.deleteSurvey(saved.id),
    serverErrors: surveyServerErrors,
  });
  const { draft, saved } = form;
  const errors = form.serverErrors ?? form.ownErrors;
  const fields = errors?.fields ?? {};
  const [step, setStep] = useState(0);
  const shownStep = Math.min(step, draft.questions.length);
  const preview = useMemo(() => previewSurvey(draft, shownStep, loaded.look.name), [draft, shownStep, loaded.look.name]);

  function edit<K extends keyof SurveyDraft>(field: K, value: SurveyDraft[K]): void {
    const change: Partial<SurveyDraft> = {};
    change[field] = value;
    form.edit(change);
  }

  return (
    <ContentPage
      titleId="survey-title"
      title={saved ? saved.name : 'New survey'}
      back={listBack('surveys')}
      wide
      actions={
        saved && (
          <a class="button" href={surveyResultsHref(saved.id)}>
            Results
          </a>
        )
      }
    >
      <div class="editor">
        <form class="editor__form" ref={form.formRef} onSubmit={form.submit} noValidate aria-labelledby="survey-title">
          <section class="settings__section" aria-labelledby="survey-content-title">
            <h2 id="survey-content-title" class="settings__section-title">
              Survey
            </h2>
            <Field id="survey-name" label="Name" error={fields.name} hint="Only your team sees it.">
              {(aria) => <input {...aria} class="input" type="text" maxLength={CONTENT_LIMITS.name} value={draft.name} onInput={(e) => edit('name', e.currentTarget.value)} />}
            </Field>
            <fieldset class="settings__fieldset">
              <legend class="field__label">Display</legend>
              <div class="settings__row">
                {(['card', 'post'] as const).map((display) => (
                  <label key={display} class="settings__choice">
                    <input type="radio" name="survey-display" value={display} checked={draft.display === display} onChange={() => edit('display', display)} />
                    {display === 'card' ? 'Card in the corner' : 'Post in the centre'}
                  </label>
                ))}
              </div>
            </fieldset>
          </section>

          <SurveyQuestions draft={draft} onChange={(change, announce) => form.edit(change, announce)} errors={errors} onFocusQuestion={setStep} />

          <section class="settings__section" aria-labelledby="survey-thanks-title" onFocusIn={() => setStep(draft.questions.length)}>
            <h2 id="survey-thanks-title" class="settings__section-title">
              Thank you
            </h2>
            <Field id="survey-thanks-title-field" label="Thank-you title" error={fields.thankYouTitle} hint="Optional. Without one, the widget says “Thank you!”.">
              {(aria) => <input {...aria} class="input" type="text" maxLength={200} value={draft.thankYouTitle} onInput={(e) => edit('thankYouTitle', e.currentTarget.value)} />}
            </Field>
            <Field id="survey-thanks-body" label="Thank-you message" error={fields.thankYouBody} hint="Optional. Markdown.">
              {(aria) => (
                <textarea {...aria} class="input settings__textarea" rows={3} maxLength={SURVEY_LIMITS.text} value={draft.thankYouBody} onInput={(e) => edit('thankYouBody', e.currentTarget.value)} />
              )}
            </Field>
          </section>

          <section class="settings__section" aria-labelledby="survey-audience-title">
            <h2 id="survey-audience-title" class="settings__section-title">
              Audience
            </h2>
            <RuleBuilder
              legend="Audience"
              legendHidden
              idPrefix="survey-audience"
              draft={draft.audience}
              onChange={(audience) => edit('audience', audience)}
              errors={errors?.audience ?? null}
              segments={loaded.segments}
              hint="Who may be asked. With no conditions, everyone may."
            />
            <FieldError id="survey-audience-error" text={errors?.audience ? undefined : fields.audience} />
            <div class="field">
              <div class="settings__row editor-inline">
                <label class="field__label" id="survey-sample-before" for="survey-sample">
                  Show to
                </label>
                <input
                  id="survey-sample"
                  class="input settings__number"
                  type="number"
                  min={1}
                  max={100}
                  step={1}
                  aria-labelledby="survey-sample-before survey-sample-after"
                  aria-describedby={fields.samplePct ? 'survey-sample-error survey-sample-hint' : 'survey-sample-hint'}
                  {...(fields.samplePct ? { 'aria-invalid': true as const } : {})}
                  value={draft.samplePct}
                  onInput={(e) => edit('samplePct', e.currentTarget.value)}
                />
                <span id="survey-sample-after">% of matching contacts</span>
              </div>
              <p class="settings__hint" id="survey-sample-hint">
                The rest are never asked. A contact is surveyed at most once every few days across all surveys (see Settings).
              </p>
              <FieldError id="survey-sample-error" text={fields.samplePct} />
            </div>
          </section>

          <DeliveryFields idPrefix="survey" noun="survey" draft={draft} edit={edit} errors={fields} />

          <SurveyFollowUps
            followUps={draft.followUps}
            questions={draft.questions}
            agents={agents}
            errors={errors?.followUps}
            onChange={(followUps, announce) => form.edit({ followUps }, announce)}
          />

          <StatusField name="survey-status" value={draft.status} onChange={(status) => edit('status', status)} />
          <EditorActions saving={form.saving} alert={form.alert} notice={form.notice}>
            {saved && <ConfirmDelete thing="survey" onConfirm={form.remove} />}
          </EditorActions>
        </form>
        <aside class="editor__aside" aria-label="Preview">
          <SurveyPreview survey={preview} questionTexts={draft.questions.map((q) => q.text)} step={shownStep} onStep={setStep} brand={loaded.look.brand} />
        </aside>
      </div>
    </ContentPage>
  );
}
