/**
 * `#/segments/new` and `#/segments/<id>`: a name and a rule, the live count of
 * contacts matching the rule being edited, and (once saved) the segment's contacts.
 */
import { useMemo } from 'preact/hooks';
import { CONTENT_LIMITS, type Segment } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { compileRuleDraft } from '../../state/rule-check.js';
import { segmentDraftFrom, segmentInputFrom, segmentPatch, segmentServerErrors } from '../../state/segment-form.js';
import { ConfirmDelete } from '../content/ConfirmDelete.js';
import { ContentPage, listBack } from '../content/ContentPage.js';
import { EditorActions } from '../content/EditorActions.js';
import { Field } from '../content/Field.js';
import { EditorLoader } from '../content/EditorLoader.js';
import { useContentEditor } from '../content/use-content-editor.js';
import { RuleBuilder } from '../rules/RuleBuilder.js';
import { SegmentContacts } from './SegmentContacts.js';
import { SegmentMatches } from './SegmentMatches.js';
import '../../styles/content.css';

type SegmentApi = Pick<InboxApi, 'getSegment' | 'listSegments' | 'createSegment' | 'updateSegment' | 'deleteSegment' | 'previewSegment' | 'listSegmentContacts'>;

interface Loaded {
  segment: Segment | null;
  /** The others, for "Segment" conditions (a segment can't include itself). */
  others: Segment[];
}

export function SegmentEditor({ api, id }: { api: SegmentApi; id: string | null }) {
  return (
    <EditorLoader<Loaded>
      section="segments"
      noun="segment"
      titleId="segment-title"
      id={id}
      load={async () => {
        const [segment, all] = await Promise.all([id ? api.getSegment(id) : Promise.resolve(null), api.listSegments().then((p) => p.data, () => [])]);
        return { segment, others: all.filter((s) => s.id !== id) };
      }}
    >
      {(loaded) => <SegmentForm api={api} loaded={loaded} />}
    </EditorLoader>
  );
}

function SegmentForm({ api, loaded }: { api: SegmentApi; loaded: Loaded }) {
  const form = useContentEditor({
    noun: 'segment',
    section: 'segments',
    initial: loaded.segment,
    draftFrom: segmentDraftFrom,
    check: segmentInputFrom,
    create: (input) => api.createSegment(input),
    update: (saved, input) => api.updateSegment(saved.id, segmentPatch(saved, input)),
    remove: (saved) => api.deleteSegment(saved.id),
    serverErrors: segmentServerErrors,
  });
  const { draft, saved, edit, ownErrors, serverErrors } = form;
  const compiled = useMemo(() => compileRuleDraft(draft.rule), [draft.rule]);
  const nameError = serverErrors?.fields.name ?? ownErrors?.fields.name;
  const ruleErrors = serverErrors?.rule ?? ownErrors?.rule ?? null;

  return (
    <ContentPage titleId="segment-title" title={saved ? saved.name : 'New segment'} back={listBack('segments')} wide>
      <div class="editor">
        <form class="editor__form" ref={form.formRef} onSubmit={form.submit} noValidate aria-labelledby="segment-title">
          <section class="settings__section" aria-label="Segment">
            <Field id="segment-name" label="Name" error={nameError}>
              {(aria) => <input {...aria} class="input" type="text" maxLength={CONTENT_LIMITS.name} value={draft.name} onInput={(e) => edit({ name: e.currentTarget.value })} />}
            </Field>
            <RuleBuilder
              legend="Conditions"
              idPrefix="segment-rule"
              draft={draft.rule}
              onChange={(rule) => edit({ rule })}
              errors={ruleErrors}
              segments={loaded.others}
              hint="Contacts who match these conditions are in the segment. With none, everyone is."
            />
          </section>
          <EditorActions saving={form.saving} alert={form.alert} notice={form.notice}>
            {saved && <ConfirmDelete thing="segment" onConfirm={form.remove} />}
          </EditorActions>
        </form>
        <aside class="editor__aside" aria-label="Matching contacts">
          <SegmentMatches api={api} rule={compiled.ok ? compiled.rule : null} showSample={!saved} />
          {saved && <SegmentContacts api={api} segmentId={saved.id} version={saved.updated_at} />}
        </aside>
      </div>
    </ContentPage>
  );
}
