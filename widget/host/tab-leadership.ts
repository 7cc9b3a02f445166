/**
 * Elects one leader among the tabs of a site. Web Locks where available: the
 * lock is held while the tab lives and the browser hands it to the next waiting
 * tab the moment the holder closes. Elsewhere, BroadcastChannel heartbeats: a
 * tab that hears no leader for 2 s takes over; of two leaders the lower id stays.
 * Returns the cleanup (which releases leadership).
 */
import type { TabChannel } from '../state/tab-messages.js';

export interface LeadershipCallbacks {
  onLeader(): void;
  onFollower(): void;
}

const BEAT_MS = 500;
const LEADER_SILENCE_MS = 2_000;

export function electLeader(name: string, channel: TabChannel, tabId: string, cb: LeadershipCallbacks): () => void {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (locks?.request) {
    let release: () => void = () => {};
    let stopped = false;
    void locks
      .request(name, () => {
        if (stopped) return undefined;
        cb.onLeader();
        return new Promise<void>((resolve) => (release = resolve));
      })
      .catch(() => {});
    return () => {
      stopped = true;
      release();
    };
  }
  return electByHeartbeat(channel, tabId, cb);
}

function electByHeartbeat(channel: TabChannel, tabId: string, cb: LeadershipCallbacks): () => void {
  let leader = false;
  let lastBeat = Date.now();
  const stopListening = channel.listen((m) => {
    if (m.t !== 'beat' || m.from === tabId) return;
    lastBeat = Date.now();
    if (leader && m.from < tabId) {
      leader = false;
      cb.onFollower();
    }
  });
  const timer = setInterval(() => {
    if (leader) channel.post({ t: 'beat', from: tabId });
    else if (Date.now() - lastBeat > LEADER_SILENCE_MS) {
      leader = true;
      channel.post({ t: 'beat', from: tabId });
      cb.onLeader();
    }
  }, BEAT_MS);
  return () => {
    clearInterval(timer);
    stopListening();
  };
}
