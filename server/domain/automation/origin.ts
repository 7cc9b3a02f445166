/**
 * The loop guard. Actions taken by automation publish domain events like any
 * other change (a tag added, a note, a bot message…); were those to start
 * rules again, "tag added → add tag" or two rules tagging each other would
 * run for ever. So every rule's actions run inside an `AsyncLocalStorage`
 * scope naming the run, and the engine ignores any event published from inside
 * such a scope: an automation-caused event never triggers automation (as in
 * Chatwoot, whose rules skip events performed by a rule).
 *
 * Why a scope and not a flag on each event: the bus publishes synchronously
 * from the service that made the change, and the scope follows the async
 * chain of the action down to that `publish` call, through every service
 * (tags, notes, messages, assignment) without any of them knowing about
 * automation. An event published by a request, a socket or a timer is
 * outside every scope, whatever runs at the same time.
 *
 * @example await withinAutomation({ ruleId, depth: 1 }, () => runActions()); // events inside: causedByAutomation() → the marker
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface AutomationOrigin {
  ruleId: string;
  /** 1 for the actions of a rule started by an outside event; nothing runs deeper. */
  depth: number;
}

const scope = new AsyncLocalStorage<AutomationOrigin>();

/** Runs `work` (and everything it starts) marked as done by the rule. */
export function withinAutomation<T>(origin: AutomationOrigin, work: () => Promise<T>): Promise<T> {
  return scope.run(origin, work);
}

/** The rule whose actions are publishing the current event, if any (call synchronously from a bus listener). */
export function causedByAutomation(): AutomationOrigin | undefined {
  return scope.getStore();
}
