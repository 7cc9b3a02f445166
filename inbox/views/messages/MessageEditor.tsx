/**
 * `#/messages/new` and `#/messages/<id>`: the in-app message form beside its
 * live preview and (once saved) its stats. Problems are shown per field, from
 * our own check of the protocol schema first and from the server's answer.
 */
import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AgentProfile, InAppMessage, Segment } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { ApiError } from '../../api/http.js';
import { contentHref } from '../../host/hash-route.js';
import { messageDraftFrom, newMessageDraft, type MessageDraft } from '../../state/message-draft.js';
import { messageInputFrom, messagePatch, messageServerErrors, type MessageErrors } from '../../state/message-input.js';
import { previewMessage } from '../../state/message-preview.js';
import { ConfirmDelete } from '../content/ConfirmDelete.js';
import { ContentPage } from '../content/ContentPage.js';
import { EditorActions, StatusField } from '../content/EditorActions.js';
import { LoadState } from '../content/LoadState.js';
import { errorText, useResource } from '../content/use-resource.js';
import { RuleBuilder } from '../rules/RuleBuilder.js';
import { MessageContentFields } from './MessageContentFields.js';
import { MessageDeliveryFields } from './MessageDeliveryFields.js';
import { MessagePreview } from './MessagePreview.js';
import { MessageStatsPanel } from './MessageStatsPanel.js';
import '../../styles/content.css';
import '../../styles/message-editor.css';

type EditorApi = Pick<
  InboxApi,
  'getInAppMessage' | 'createInAppMessage' | 'updateInAppMessage' | 'deleteInAppMessage' | 'getMessageStats' | 'listSegments' | 'getSettings'
>;

export interface MessageEditorProps {
  api: EditorApi;
  /** null: a new message. */
  id: string | null;
  agents: readonly AgentProfile[];
  /** A new chat message is sent as this agent until changed. */
  agentId: string;
}

interface Loaded {
  message: InAppMessage | null;
  segments: Segment[];
  look: { brand: string; name: string };
}

const DEFAULT_LOOK = { brand: '#4f46e5', name: 'Your workspace' };

export function MessageEditor({ api, id, agents, agentId }: MessageEditorProps) {
  const { resource, retry } = useResource<Loaded>(
    async () => {
      const [message, segments, look] = await Promise.all([
        id ? api.getInAppMessage(id) : Promise.resolve(null),
        // The form works without these: no segment choices, the default look.
        api.listSegments().then((page) => page.data, () => []),
        api.getSettings().then((s) => ({ brand: s.color, name: s.name }), () => DEFAULT_LOOK),
      ]);
      return { message, segments, look };
    },
    id ?? 'new',
    'Could not load the message.',
  );

  if (resource.status !== 'ready') {
    return (
      <ContentPage titleId="message-title" title={id ? 'Message' : 'New message'} back={{ href: contentHref('messages'), label: 'All messages' }}>
        <LoadState resource={resource} what="message" onRetry={retry} />
      </ContentPage>
    );
  }
  return <MessageForm api={api} loaded={resource.value} agents={agents} agentId={agentId} />;
}

interface MessageFormProps extends Omit<MessageEditorProps, 'id'> {
  loaded: Loaded;
}

function MessageForm({ api, loaded, agents, agentId }: MessageFormProps) {
  const [saved, setSaved] = useState<InAppMessage | null>(loaded.message);
  const [draft, setDraft] = useState<MessageDraft>(() => (saved ? messageDraftFrom(saved) : newMessageDraft({ senderId: agentId })));
  const [showErrors, setShowErrors] = useState(false);
  const [serverErrors, setServerErrors] = useState<MessageErrors | null>(null);
  const [alert, setAlert] = useState('');
  const [notice, setNotice] = useState('');
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useRef(false);

  const result = useMemo(() => messageInputFrom(draft), [draft]);
  const ownErrors = showErrors && !result.ok ? result.errors : null;
  const fields = { ...ownErrors?.fields, ...serverErrors?.fields };
  const audienceErrors = serverErrors?.audience ?? ownErrors?.audience ?? null;
  const senderName = agents.find((a) => a.id === draft.senderId)?.name ?? null;
  const preview = useMemo(() => previewMessage(draft, { workspaceName: loaded.look.name, senderName }), [draft, loaded.look.name, senderName]);

  // After a refused save, keyboard focus goes to the first field to fix.
  useEffect(() => {
    if (!focusInvalid.current) return;
    focusInvalid.current = false;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });

  function edit<K extends keyof MessageDraft>(field: K, value: MessageDraft[K]): void {
    setDraft((d) => ({ ...d, [field]: value }));
    setServerErrors(null);
    setNotice('');
    setAlert('');
  }

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (saving) return;
    setShowErrors(true);
    setNotice('');
    if (!result.ok) {
      setAlert('Some fields need your attention.');
      focusInvalid.current = true;
      return;
    }
    setSaving(true);
    setAlert('');
    try {
      const next = saved ? await api.updateInAppMessage(saved.id, messagePatch(saved, result.input)) : await api.createInAppMessage(result.input);
      if (!saved) {
        // The new message now has an address; replace (not push) so Back doesn't return to an empty form.
        history.replaceState(null, '', contentHref('messages', { id: next.id }));
      }
      setSaved(next);
      setShowErrors(false);
      setNotice(saved ? 'Message saved.' : 'Message created.');
    } catch (failure) {
      const mapped = failure instanceof ApiError && failure.code === 'validation_failed' ? messageServerErrors(failure.message, draft) : null;
      if (mapped) {
        setServerErrors(mapped);
        focusInvalid.current = true;
      }
      setAlert(mapped ? 'The server refused a field: see below it.' : errorText(failure, 'Could not save the message.'));
    } finally {
      setSaving(false);
    }
  }

  return (
    <ContentPage titleId="message-title" title={saved ? saved.name : 'New message'} back={{ href: contentHref('messages'), label: 'All messages' }} wide>
      <div class="editor">
        <form class="editor__form" ref={formRef} onSubmit={submit} noValidate aria-labelledby="message-title">
          <MessageContentFields draft={draft} edit={edit} errors={fields} agents={agents} />
          <section class="settings__section" aria-labelledby="message-audience-title">
            <h2 id="message-audience-title" class="settings__section-title">
              Audience
            </h2>
            <RuleBuilder
              legend="Audience"
              legendHidden
              idPrefix="audience"
              draft={draft.audience}
              onChange={(audience) => edit('audience', audience)}
              errors={audienceErrors}
              segments={loaded.segments}
              hint="Who may see it. With no conditions, everyone does."
            />
          </section>
          <MessageDeliveryFields draft={draft} edit={edit} errors={fields} />
          <StatusField name="message-status" value={draft.status} onChange={(status) => edit('status', status)} />
          <EditorActions saving={saving} alert={alert} notice={notice}>
            {saved && (
              <ConfirmDelete
                thing="message"
                onConfirm={async () => {
                  try {
                    await api.deleteInAppMessage(saved.id);
                    window.location.hash = contentHref('messages');
                  } catch (failure) {
                    setAlert(errorText(failure, 'Could not delete the message.'));
                  }
                }}
              />
            )}
          </EditorActions>
        </form>
        <aside class="editor__aside" aria-label="Preview and stats">
          <MessagePreview message={preview} brand={loaded.look.brand} />
          {saved && <MessageStatsPanel api={api} messageId={saved.id} />}
        </aside>
      </div>
    </ContentPage>
  );
}
