/**
 * `#/segments/new` and `#/segments/<id>`: a name and a rule, the live count of
 * contacts matching the rule being edited, and (once saved) the segment's contacts.
 */
import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CONTENT_LIMITS, type Segment } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { ApiError } from '../../api/http.js';
import { contentHref } from '../../host/hash-route.js';
import { compileRuleDraft } from '../../state/rule-check.js';
import { segmentDraftFrom, segmentInputFrom, segmentPatch, segmentServerErrors, type SegmentDraft, type SegmentErrors } from '../../state/segment-form.js';
import { ConfirmDelete } from '../content/ConfirmDelete.js';
import { ContentPage } from '../content/ContentPage.js';
import { EditorActions } from '../content/EditorActions.js';
import { Field } from '../content/Field.js';
import { LoadState } from '../content/LoadState.js';
import { errorText, useResource } from '../content/use-resource.js';
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
  const { resource, retry } = useResource<Loaded>(
    async () => {
      const [segment, all] = await Promise.all([id ? api.getSegment(id) : Promise.resolve(null), api.listSegments().then((p) => p.data, () => [])]);
      return { segment, others: all.filter((s) => s.id !== id) };
    },
    id ?? 'new',
    'Could not load the segment.',
  );
  if (resource.status !== 'ready') {
    return (
      <ContentPage titleId="segment-title" title={id ? 'Segment' : 'New segment'} back={{ href: contentHref('segments'), label: 'All segments' }}>
        <LoadState resource={resource} what="segment" onRetry={retry} />
      </ContentPage>
    );
  }
  return <SegmentForm api={api} loaded={resource.value} />;
}

function SegmentForm({ api, loaded }: { api: SegmentApi; loaded: Loaded }) {
  const [saved, setSaved] = useState<Segment | null>(loaded.segment);
  const [draft, setDraft] = useState<SegmentDraft>(() => segmentDraftFrom(saved));
  const [showErrors, setShowErrors] = useState(false);
  const [serverErrors, setServerErrors] = useState<SegmentErrors | null>(null);
  const [alert, setAlert] = useState('');
  const [notice, setNotice] = useState('');
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useRef(false);

  const result = useMemo(() => segmentInputFrom(draft), [draft]);
  const compiled = useMemo(() => compileRuleDraft(draft.rule), [draft.rule]);
  const own = showErrors && !result.ok ? result.errors : null;
  const nameError = serverErrors?.fields.name ?? own?.fields.name;
  const ruleErrors = serverErrors?.rule ?? own?.rule ?? null;

  useEffect(() => {
    if (!focusInvalid.current) return;
    focusInvalid.current = false;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });

  function edit(change: Partial<SegmentDraft>): void {
    setDraft((d) => ({ ...d, ...change }));
    setServerErrors(null);
    setNotice('');
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
      const next = saved ? await api.updateSegment(saved.id, segmentPatch(saved, result.input)) : await api.createSegment(result.input);
      if (!saved) history.replaceState(null, '', contentHref('segments', { id: next.id }));
      setSaved(next);
      setShowErrors(false);
      setNotice(saved ? 'Segment saved.' : 'Segment created.');
    } catch (failure) {
      const mapped = failure instanceof ApiError && failure.code === 'validation_failed' ? segmentServerErrors(failure.message, draft) : null;
      if (mapped) {
        setServerErrors(mapped);
        focusInvalid.current = true;
      }
      setAlert(mapped ? 'The server refused a field: see below it.' : errorText(failure, 'Could not save the segment.'));
    } finally {
      setSaving(false);
    }
  }

  return (
    <ContentPage titleId="segment-title" title={saved ? saved.name : 'New segment'} back={{ href: contentHref('segments'), label: 'All segments' }} wide>
      <div class="editor">
        <form class="editor__form" ref={formRef} onSubmit={submit} noValidate aria-labelledby="segment-title">
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
          <EditorActions saving={saving} alert={alert} notice={notice}>
            {saved && (
              <ConfirmDelete
                thing="segment"
                onConfirm={async () => {
                  try {
                    await api.deleteSegment(saved.id);
                    window.location.hash = contentHref('segments');
                  } catch (failure) {
                    setAlert(errorText(failure, 'Could not delete the segment.'));
                  }
                }}
              />
            )}
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
