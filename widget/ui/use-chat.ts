import { useEffect, useState } from 'preact/hooks';
import type { ChatClient, ChatState } from '../state/chat-client.js';

/** The chat client's state as component state; re-renders on every change. */
export function useChatState(client: ChatClient): ChatState {
  const [state, setState] = useState(client.state);
  useEffect(() => {
    setState(client.state);
    return client.subscribe(setState);
  }, [client]);
  return state;
}
