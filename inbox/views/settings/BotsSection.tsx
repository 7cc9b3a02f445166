/**
 * The custom bots in their order (a new conversation starts the first enabled
 * bot whose trigger and audience match): admins switch one on or off, move it
 * (the whole order is sent with `PUT /bots/order`), edit, add and delete.
 * After every change the list is read again; focus stays on the control used.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Bot, Segment } from '../../../protocol/index.js';
import type { BotApi } from '../../api/bot-endpoints.js';
import { type BotReferences, botOrderAfterMove, botPatch, botsInOrder } from '../../state/bot-form.js';
import { errorText } from '../content/use-resource.js';
import { BotCard } from './BotCard.js';
import { BotEditor } from './BotEditor.js';

export interface BotsSectionProps {
  api: Pick<BotApi, 'listBots' | 'createBot' | 'updateBot' | 'deleteBot' | 'reorderBots'>;
  bots: readonly Bot[];
  refs: BotReferences;
  segments: readonly Pick<Segment, 'id' | 'name'>[];
  canEdit: boolean;
  onChange(bots: readonly Bot[]): void;
}

export function BotsSection({ api, bots, refs, segments, canEdit, onChange }: BotsSectionProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const [focusAfter, setFocusAfter] = useState<{ key: string } | null>(null);
  const controls = useRef(new Map<string, HTMLElement>());
  const controlRef = (key: string) => (el: HTMLElement | null) => {
    if (el) controls.current.set(key, el);
    else controls.current.delete(key);
  };

  useEffect(() => {
    if (focusAfter) controls.current.get(focusAfter.key)?.focus();
  }, [focusAfter]);

  const refresh = async () => onChange(botsInOrder((await api.listBots()).data));

  async function change(work: () => Promise<string>, focus?: string): Promise<void> {
    if (busy) return;
    setBusy(true);
    try {
      const said = await work();
      await refresh();
      setNotice(said);
    } catch (failure) {
      setNotice(errorText(failure, 'Could not change the bots.'));
    } finally {
      setBusy(false);
      if (focus) setFocusAfter({ key: focus });
    }
  }

  const close = (focus: string) => {
    setEditing(null);
    setFocusAfter({ key: focus });
  };
  const startEditing = (key: string) => {
    setNotice('');
    setEditing(key);
  };

  return (
    <section class="settings__section" aria-labelledby="bots-title">
      <h2 id="bots-title" class="settings__section-title">
        Custom bots
      </h2>
      <p class="settings__hint">
        When a visitor starts a conversation, the first enabled bot whose trigger and audience match talks to them before anyone is assigned: it asks with
        buttons or for answers, keeps them on the contact, tags, sets the priority and picks a team, then hands over to a person.
      </p>
      {bots.length === 0 && <p class="settings__hint">No bots yet.</p>}
      <ol class="rule-list">
        {bots.map((bot, index) => (
          <li key={bot.id} class="rule-list__item">
            {editing === bot.id ? (
              <BotEditor
                bot={bot}
                refs={refs}
                segments={segments}
                onCancel={() => close(`${bot.id}:edit`)}
                onSave={async (input) => {
                  const patch = botPatch(bot, input);
                  if (Object.keys(patch).length > 0) await api.updateBot(bot.id, patch);
                  await refresh();
                  setNotice(`Bot “${input.name}” saved.`);
                  close(`${bot.id}:edit`);
                }}
              />
            ) : (
              <BotCard
                bot={bot}
                index={index}
                count={bots.length}
                canEdit={canEdit}
                controlRef={controlRef}
                onToggle={(enabled) =>
                  void change(async () => {
                    await api.updateBot(bot.id, { enabled });
                    return `Bot “${bot.name}” ${enabled ? 'enabled' : 'disabled'}.`;
                  }, `${bot.id}:enabled`)
                }
                onMove={(delta) => {
                  const to = index + delta;
                  if (to < 0 || to >= bots.length) return;
                  void change(async () => {
                    await api.reorderBots(botOrderAfterMove(bots, bot.id, delta));
                    return `Moved “${bot.name}” to position ${to + 1} of ${bots.length}.`;
                  }, `${bot.id}:${delta < 0 ? 'up' : 'down'}`);
                }}
                onEdit={() => startEditing(bot.id)}
                onDelete={() =>
                  change(async () => {
                    await api.deleteBot(bot.id);
                    return `Bot “${bot.name}” deleted.`;
                  }, 'new')
                }
              />
            )}
          </li>
        ))}
      </ol>
      {canEdit &&
        (editing === 'new' ? (
          <BotEditor
            bot={null}
            refs={refs}
            segments={segments}
            onCancel={() => close('new')}
            onSave={async (input) => {
              const created = await api.createBot(input);
              await refresh();
              setNotice(`Bot “${created.name}” added at position ${created.position + 1}.`);
              close(`${created.id}:edit`);
            }}
          />
        ) : (
          <div>
            <button ref={controlRef('new')} type="button" class="button" onClick={() => startEditing('new')}>
              Add bot
            </button>
          </div>
        ))}
      <p class="settings__saved" role="status">
        {notice}
      </p>
    </section>
  );
}
