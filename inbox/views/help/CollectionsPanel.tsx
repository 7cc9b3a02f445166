/**
 * The help center's collections: each with its name in English, Indonesian
 * and Arabic (saved together), and delete (its articles stay, without a
 * collection); "Add collection" at the end. Order is the order added.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { HelpCollection } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { ConfirmDelete } from '../content/ConfirmDelete.js';
import { errorText } from '../content/use-resource.js';

type CollectionsApi = Pick<InboxApi, 'createHelpCollection' | 'updateHelpCollection' | 'deleteHelpCollection'>;

interface Props {
  api: CollectionsApi;
  collections: HelpCollection[];
  onChange(collections: HelpCollection[]): void;
}

interface Names {
  name: string;
  id: string;
  ar: string;
}

const namesOf = (c: HelpCollection | null): Names => ({ name: c?.name ?? '', id: c?.translations.id?.name ?? '', ar: c?.translations.ar?.name ?? '' });

function requestOf(names: Names) {
  const translations: Record<string, { name: string }> = {};
  if (names.id.trim()) translations.id = { name: names.id.trim() };
  if (names.ar.trim()) translations.ar = { name: names.ar.trim() };
  return { name: names.name.trim(), translations };
}

export function CollectionsPanel({ api, collections, onChange }: Props) {
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');

  const run = async (work: () => Promise<HelpCollection[]>, done: string) => {
    setFailure('');
    try {
      onChange(await work());
      setStatus(done);
    } catch (error) {
      setFailure(errorText(error, 'Could not save the collection.'));
    }
  };

  return (
    <section class="settings__section help-collections" aria-labelledby="help-collections-title">
      <h2 id="help-collections-title" class="settings__section-title">
        Collections
      </h2>
      <p class="settings__hint">Group articles by topic. A language without its own name shows the English one.</p>
      <ul class="help-collections__list">
        {collections.map((c) => (
          <li key={c.id}>
            <CollectionForm
              initial={c}
              onSave={(names) => run(async () => {
                const saved = await api.updateHelpCollection(c.id, requestOf(names));
                return collections.map((x) => (x.id === c.id ? saved : x));
              }, `Collection “${names.name.trim()}” saved.`)}
            >
              <ConfirmDelete
                thing="collection"
                name={c.name}
                onConfirm={() => run(async () => {
                  await api.deleteHelpCollection(c.id);
                  return collections.filter((x) => x.id !== c.id);
                }, `Collection “${c.name}” deleted.`)}
              />
            </CollectionForm>
          </li>
        ))}
      </ul>
      <CollectionForm
        key={collections.length}
        initial={null}
        onSave={(names) => run(async () => [...collections, await api.createHelpCollection(requestOf(names))], `Collection “${names.name.trim()}” added.`)}
      />
      {failure && (
        <p class="settings__error" role="alert">
          {failure}
        </p>
      )}
      <p class="settings__saved" role="status">
        {status}
      </p>
    </section>
  );
}

function CollectionForm({ initial, onSave, children }: { initial: HelpCollection | null; onSave(names: Names): Promise<void>; children?: ComponentChildren }) {
  const [names, setNames] = useState<Names>(() => namesOf(initial));
  const prefix = initial ? `collection-${initial.id}` : 'collection-new';
  const label = initial ? `of ${initial.name}` : 'of the new collection';
  const input = (key: keyof Names, text: string) => (
    <label class="help-collections__field">
      <span class="field__label">
        {text}
        <span class="visually-hidden"> {label}</span>
      </span>
      <input
        class="input"
        id={`${prefix}-${key}`}
        maxLength={120}
        required={key === 'name'}
        value={names[key]}
        onInput={(e) => setNames({ ...names, [key]: e.currentTarget.value })}
      />
    </label>
  );
  return (
    <form
      class="help-collections__form"
      onSubmit={(e) => {
        e.preventDefault();
        if (names.name.trim()) void onSave(names);
      }}
    >
      {input('name', 'Name')}
      {input('id', 'Indonesian name')}
      {input('ar', 'Arabic name')}
      <button type="submit" class="button">
        {initial ? 'Save' : 'Add collection'}
        {initial && <span class="visually-hidden"> {initial.name}</span>}
      </button>
      {children}
    </form>
  );
}
