/**
 * A conversation's SLA clock as a badge: "Breached" (red, with "!") or
 * "Due in 12 min" (amber within the hour), and the whole story — which target,
 * how late — for screen readers and as the tooltip. It keeps itself current,
 * waking exactly when its words change; a list that already ticks can pass
 * `now` instead. Nothing is rendered without a running clock.
 *
 * @example <SlaBadge sla={conversation.sla} />
 */
import { useEffect, useState } from 'preact/hooks';
import type { ConversationSla } from '../../protocol/index.js';
import { nextSlaChangeIn, slaView } from '../state/sla-clock.js';
import '../styles/presence.css';

export interface SlaBadgeProps {
  sla: ConversationSla | null | undefined;
  /** The time to read the clock at; absent: the badge keeps its own time. */
  now?: number;
}

export function SlaBadge({ sla, now: given }: SlaBadgeProps) {
  const [ownNow, setOwnNow] = useState(() => Date.now());
  const now = given ?? ownNow;

  useEffect(() => {
    if (given !== undefined) return;
    const wait = nextSlaChangeIn(sla, Date.now());
    if (wait === null) return;
    const timer = setTimeout(() => setOwnNow(Date.now()), wait);
    return () => clearTimeout(timer);
  }, [given, sla?.dueAt, sla?.breached, ownNow]);

  const view = slaView(sla, now);
  if (!view) return null;
  return (
    <span class={`sla-badge sla-badge--${view.tone}`} title={view.description}>
      <span class="sla-badge__icon" aria-hidden="true">
        {view.tone === 'breached' ? '!' : '◷'}
      </span>
      <span aria-hidden="true">{view.text}</span>
      <span class="visually-hidden">{view.description}</span>
    </span>
  );
}
