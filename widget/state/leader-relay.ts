/**
 * The leader tab's side of the relay: answers followers' requests through its
 * own socket and rebroadcasts everything the server pushes. Returns the cleanup.
 */
import type { TabChannel } from './tab-messages.js';
import type { ChatTransport } from './transport.js';

export function serveFollowers(channel: TabChannel, transport: ChatTransport, leaderId: string): () => void {
  const status = () => channel.post({ t: 'status', from: leaderId, connected: transport.connected });
  const unsubscribe = transport.subscribe({
    onStatus: status,
    onEvent: (event, payload) => channel.post({ t: 'evt', event, payload }),
  });
  const stopListening = channel.listen((m) => {
    if (m.t === 'hello') status();
    else if (m.t === 'notify') transport.notify(m.event, m.payload);
    else if (m.t === 'req') {
      void transport.request(m.event, m.payload, m.timeoutMs).then((response) => channel.post({ t: 'res', to: m.from, id: m.id, response }));
    }
  });
  status(); // announces the new leader to every follower
  return () => {
    unsubscribe();
    stopListening();
  };
}
