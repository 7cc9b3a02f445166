/**
 * `#/messages/new` and `#/messages/<id>`: the in-app message form beside its
 * live preview and (once saved) its stats. Problems are shown per field, from
 * our own check of the protocol schema first and from the server's answer.
 */
import { useMemo } from 'preact/hooks';
import type { AgentProfile, InAppMessage, Segment } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { messageDraftFrom, newMessageDraft, type MessageDraft } from '../../state/message-draft.js';
import { messageInputFrom, messagePatch, messageServerErrors } from '../../state/message-input.js';
import { previewMessage } from '../../state/message-preview.js';
import { ConfirmDelete } from '../content/ConfirmDelete.js';
import { ContentPage, listBack } from '../content/ContentPage.js';
import { EditorActions, StatusField } from '../content/EditorActions.js';
import { EditorLoader } from '../content/EditorLoader.js';
import { useContentEditor } from '../content/use-content-editor.js';
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
  return (
    <EditorLoader<Loaded>
      section="messages"
      noun="message"
      titleId="message-title"
      id={id}
      load={async () => {
        const [message, segments, look] = await Promise.all([
          id ? api.getInAppMessage(id) : Promise.resolve(null),
          // The form works without these: no segment choices, the default look.
          api.listSegments().then((page) => page.data, () => []),
          api.getSettings().then((s) => ({ brand: s.color, name: s.name }), () => DEFAULT_LOOK),
        ]);
        return { message, segments, look };
      }}
    >
      {(loaded) => <MessageForm api={api} loaded={loaded} agents={agents} agentId={agentId} />}
    </EditorLoader>
  );
}

interface MessageFormProps extends Omit<MessageEditorProps, 'id'> {
  loaded: Loaded;
}

function MessageForm({ api, loaded, agents, agentId }: MessageFormProps) {
  const form = useContentEditor({
    noun: 'message',
    section: 'messages',
    initial: loaded.message,
    draftFrom: (saved) => (saved ? messageDraftFrom(saved) : newMessageDraft({ senderId: agentId })),
    check: messageInputFrom,
    create: (input) => api.createInAppMessage(input),
    update: (saved, input) => api.updateInAppMessage(saved.id, messagePatch(saved, input)),
    remove: (saved) => api.deleteInAppMessage(saved.id),
    serverErrors: messageServerErrors,
  });
  const { draft, saved, ownErrors, serverErrors } = form;
  const fields = { ...ownErrors?.fields, ...serverErrors?.fields };
  const audienceErrors = serverErrors?.audience ?? ownErrors?.audience ?? null;
  const senderName = agents.find((a) => a.id === draft.senderId)?.name ?? null;
  const preview = useMemo(() => previewMessage(draft, { workspaceName: loaded.look.name, senderName }), [draft, loaded.look.name, senderName]);

  // The field components edit one field at a time.
  function edit<K extends keyof MessageDraft>(field: K, value: MessageDraft[K]): void {
    const change: Partial<MessageDraft> = {};
    change[field] = value;
    form.edit(change);
  }

  return (
    <ContentPage titleId="message-title" title={saved ? saved.name : 'New message'} back={listBack('messages')} wide>
      <div class="editor">
        <form class="editor__form" ref={form.formRef} onSubmit={form.submit} noValidate aria-labelledby="message-title">
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
          <EditorActions saving={form.saving} alert={form.alert} notice={form.notice}>
            {saved && <ConfirmDelete thing="message" onConfirm={form.remove} />}
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
