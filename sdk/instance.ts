/**
 * One Messenger per page, whether it came by script tag, npm, or both.
 */
import { replayQueue, type QueuedStub } from './command-queue.js';
import { createMessenger } from './messenger.js';
import type { MessengerApi } from './types.js';

const MARK = '__parley';

type Installed = MessengerApi & { [MARK]?: true };

export function installMessenger(defaultApiBase: string): MessengerApi {
  const w = window as unknown as { Messenger?: Installed & QueuedStub };
  const existing = w.Messenger;
  if (existing && existing[MARK]) return existing;
  const messenger = createMessenger(defaultApiBase) as Installed;
  Object.defineProperty(messenger, MARK, { value: true });
  w.Messenger = messenger;
  replayQueue(existing, messenger);
  return messenger;
}
