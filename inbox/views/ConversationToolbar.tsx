/**
 * The second row of the thread header: priority, snooze, tags, and who else
 * is viewing the conversation (a polite status, so a teammate arriving is
 * heard as well as seen).
 */
import type { AgentConversation, Priority } from '../../protocol/index.js';
import { PRIORITIES, PRIORITY_LABELS } from '../state/list-filter.js';
import { otherViewers, viewersText } from '../state/viewers-store.js';
import { useInbox } from './inbox-context.js';
import { SnoozeControl } from './SnoozeControl.js';
import { TagEditor } from './TagEditor.js';
import '../styles/conversation-tools.css';

export function ConversationToolbar({ conversation }: { conversation: AgentConversation }) {
  const { current, agent, viewers, announcer } = useInbox();
  const others = otherViewers(viewers.of(conversation.id).value, agent.id);
  return (
    <div class="conversation-toolbar">
      <div class="conversation-toolbar__row">
        <label class="conversation-toolbar__label" for="thread-priority">
          Priority
        </label>
        <select
          id="thread-priority"
          class="select"
          value={conversation.priority}
          onChange={(event) => {
            const priority = event.currentTarget.value as Priority;
            void current.setPriority(priority).then((done) => done && announcer.announce(`Priority set to ${PRIORITY_LABELS[priority]}.`));
          }}
        >
          {PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {PRIORITY_LABELS[priority]}
            </option>
          ))}
        </select>
        <SnoozeControl conversation={conversation} />
        <p class="conversation-toolbar__viewers" role="status">
          {others.length > 0 && (
            <>
              <span class="viewers-dot" aria-hidden="true" />
              {viewersText(others.map((viewer) => viewer.name))}
            </>
          )}
        </p>
      </div>
      <TagEditor conversation={conversation} />
    </div>
  );
}
