/**
 * The message the editor's live preview renders: the draft as the widget would
 * receive it (`EligibleMessage`), its body personalised for a sample contact
 * exactly as the server does, so `{{user.first_name | fallback: "there"}}`
 * reads "Ada" in the preview.
 */
import { personalize, type EligibleMessage, type PersonalizationVars } from '../../protocol/index.js';
import { formatUses, type MessageDraft } from './message-draft.js';

export const SAMPLE_CONTACT: PersonalizationVars['user'] = {
  name: 'Ada Lovelace',
  first_name: 'Ada',
  email: 'ada@example.com',
  traits: { plan: 'pro', company: 'Analytical Engines' },
};

export interface PreviewContext {
  workspaceName: string;
  /** The chat sender's name (null: the message comes from "Team"). */
  senderName: string | null;
}

export function previewBody(body: string, workspaceName: string): string {
  try {
    return personalize(body, { user: SAMPLE_CONTACT, workspace: { name: workspaceName } });
  } catch {
    // Over the body limit: the form reports that; the preview shows the text as is.
    return body;
  }
}

export function previewMessage(draft: MessageDraft, context: PreviewContext): EligibleMessage {
  const label = draft.buttonLabel.trim();
  const url = draft.buttonUrl.trim();
  return {
    id: 'preview',
    deliveryId: null,
    format: draft.format,
    body: previewBody(draft.body, context.workspaceName),
    trigger: { on: draft.triggerOn },
    moment: null,
    priority: 0,
    sender: formatUses('sender', draft.format) && context.senderName ? { name: context.senderName, avatarUrl: null } : null,
    position: formatUses('position', draft.format) ? draft.position : null,
    dismissible: formatUses('dismissible', draft.format) ? draft.dismissible : true,
    button: formatUses('button', draft.format) && label ? { label, ...(url ? { url } : {}) } : null,
    imageUrl: formatUses('image', draft.format) && draft.imageUrl.trim() ? draft.imageUrl.trim() : null,
    selector: formatUses('selector', draft.format) ? draft.selector.trim() || null : null,
    survey: null,
    tour: null,
  };
}
