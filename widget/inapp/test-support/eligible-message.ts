/** An in-app message as the server sends it to the widget, with test defaults (a plain immediate post). */
import type { EligibleMessage } from '../../../protocol/content/models.js';

export function eligibleMessage(over: Partial<EligibleMessage> = {}): EligibleMessage {
  return {
    id: 'm1',
    deliveryId: null,
    format: 'post',
    body: 'Hello there',
    trigger: { on: 'immediate' },
    moment: null,
    priority: 0,
    sender: null,
    position: null,
    dismissible: true,
    button: null,
    imageUrl: null,
    selector: null,
    survey: null,
    tour: null,
    ...over,
  };
}
