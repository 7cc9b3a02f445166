/**
 * The answer bot's switch: when on, a new conversation's first message is
 * searched in the help center and the best live articles are offered with
 * "Did that help?" — yes resolves it, no hands it to a person. Admins switch
 * it; everyone else reads whether it is on.
 */
import { useState } from 'preact/hooks';
import type { AnswerBotSettings } from '../../../protocol/index.js';
import type { BotApi } from '../../api/bot-endpoints.js';
import { errorText } from '../content/use-resource.js';

export interface AnswerBotSettingProps {
  api: Pick<BotApi, 'updateAnswerBot'>;
  settings: AnswerBotSettings;
  canEdit: boolean;
  onChange(settings: AnswerBotSettings): void;
}

export function AnswerBotSetting({ api, settings, canEdit, onChange }: AnswerBotSettingProps) {
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  async function toggle(enabled: boolean): Promise<void> {
    if (busy) return;
    setBusy(true);
    try {
      onChange(await api.updateAnswerBot({ enabled }));
      setNotice(enabled ? 'The answer bot is on.' : 'The answer bot is off.');
    } catch (failure) {
      setNotice(errorText(failure, 'Could not change the answer bot.'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="settings__section" aria-labelledby="answer-bot-title">
      <h2 id="answer-bot-title" class="settings__section-title">
        Answer bot
      </h2>
      <p class="settings__hint">
        Answers a new conversation with the help center’s best articles for the visitor’s first message, and asks “Did that help?”. Yes closes the
        conversation as resolved by the bot (the Reports page counts these); no hands it to a person. It goes before the custom bots when it has articles to offer.
      </p>
      {canEdit ? (
        <label class="settings__choice">
          <input type="checkbox" checked={settings.enabled} aria-busy={busy} onChange={(e) => void toggle(e.currentTarget.checked)} />
          Offer help articles on new conversations
        </label>
      ) : (
        <p class="settings__hint">{settings.enabled ? 'On: it offers help articles on new conversations.' : 'Off.'}</p>
      )}
      <p class="settings__saved" role="status">
        {notice}
      </p>
    </section>
  );
}
