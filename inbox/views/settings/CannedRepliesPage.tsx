/**
 * Settings › Canned replies (`#/settings/canned-replies`): the workspace's
 * saved answers, offered in the composer when a reply starts with `/`. Every
 * agent may add, change and delete them. One form is open at a time; focus
 * returns to the reply's "Edit" (or "New canned reply") when it closes.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CannedReply } from '../../../protocol/index.js';
import { toCreateInput, toUpdateInput } from '../../state/canned-reply-form.js';
import { errorText } from '../content/use-resource.js';
import { useInbox } from '../inbox-context.js';
import { CannedReplyForm } from './CannedReplyForm.js';
import { ConfirmDelete } from '../content/ConfirmDelete.js';
import '../../styles/canned-replies.css';

const NEW = 'new';

export function CannedRepliesPage() {
  const { cannedReplies: store } = useInbox();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [focusAfter, setFocusAfter] = useState<{ id: string } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const replies = store.replies.value;
  const status = store.status.value;

  useEffect(() => void store.reload(), [store]);

  useEffect(() => {
    if (focusAfter && editing === null) buttons.current.get(focusAfter.id)?.focus();
  }, [focusAfter, editing]);

  function close(focus: string): void {
    setEditing(null);
    // A new object each time, so asking for the same button twice still moves focus.
    setFocusAfter({ id: focus });
  }

  const keepButton = (id: string) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(id, el);
    else buttons.current.delete(id);
  };

  async function update(reply: CannedReply, draft: Parameters<typeof toUpdateInput>[1]): Promise<void> {
    const patch = toUpdateInput(reply, draft);
    const saved = Object.keys(patch).length > 0 ? await store.update(reply.id, patch) : reply;
    setNotice(`Canned reply /${saved.shortcut} saved.`);
    close(saved.id);
  }

  return (
    <section class="settings__section" aria-labelledby="canned-title">
      <h2 id="canned-title" class="settings__section-title">
        Canned replies
      </h2>
      <p class="settings__hint">Type / and a shortcut at the start of a reply to insert one, with the visitor’s and your name filled in.</p>
      {status === 'loading' && replies.length === 0 && <p role="status">Loading canned replies…</p>}
      {status === 'error' && (
        <div class="settings__load-error">
          <p role="alert">{store.error.value ?? 'Could not load the canned replies.'}</p>
          <button type="button" class="button" onClick={() => void store.reload()}>
            Retry
          </button>
        </div>
      )}
      {status === 'ready' && replies.length === 0 && <p class="settings__hint">No canned replies yet.</p>}
      <ul class="canned-list" aria-label="Canned replies">
        {replies.map((reply) => (
          <li key={reply.id} class="canned-list__item">
            {editing === reply.id ? (
              <CannedReplyForm reply={reply} onCancel={() => close(reply.id)} onSave={(draft) => update(reply, draft)} />
            ) : (
              <article class="canned-card" aria-labelledby={`canned-${reply.id}`}>
                <h3 id={`canned-${reply.id}`} class="canned-card__title">
                  <code class="canned-card__shortcut">/{reply.shortcut}</code> {reply.title}
                </h3>
                <p class="canned-card__body">{reply.body}</p>
                <div class="canned-card__actions">
                  <button
                    type="button"
                    class="button"
                    ref={keepButton(reply.id)}
                    onClick={() => {
                      setNotice('');
                      setEditing(reply.id);
                    }}
                  >
                    Edit<span class="visually-hidden"> /{reply.shortcut}</span>
                  </button>
                  <ConfirmDelete
                    thing="canned reply"
                    name={`/${reply.shortcut}`}
                    onConfirm={async () => {
                      try {
                        await store.remove(reply.id);
                        setNotice(`Canned reply /${reply.shortcut} deleted.`);
                        setFocusAfter({ id: NEW });
                      } catch (failure) {
                        setNotice(errorText(failure, 'Could not delete the canned reply.'));
                      }
                    }}
                  />
                </div>
              </article>
            )}
          </li>
        ))}
      </ul>
      {editing === NEW ? (
        <CannedReplyForm
          reply={null}
          onCancel={() => close(NEW)}
          onSave={async (draft) => {
            const created = await store.create(toCreateInput(draft));
            setNotice(`Canned reply /${created.shortcut} created.`);
            close(created.id);
          }}
        />
      ) : (
        <button
          type="button"
          class="button"
          ref={keepButton(NEW)}
          onClick={() => {
            setNotice('');
            setEditing(NEW);
          }}
        >
          New canned reply
        </button>
      )}
      {/* Always in the DOM: a live region added together with its text is often not announced. */}
      <p class="settings__saved" role="status">
        {notice}
      </p>
    </section>
  );
}
