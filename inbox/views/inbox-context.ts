/** The logged-in inbox, handed to every view below the workspace without prop drilling. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Inbox } from '../state/inbox.js';

export const InboxContext = createContext<Inbox | null>(null);

export function useInbox(): Inbox {
  const inbox = useContext(InboxContext);
  if (!inbox) throw new Error('useInbox() used outside <InboxContext.Provider>');
  return inbox;
}
