/**
 * One connection per browser: the leader tab holds the socket and serves the
 * other tabs over a BroadcastChannel; when it closes, another tab takes the
 * socket over and the chat clients carry on (pending messages are resent, the
 * server keeps each client id once). Also syncs the messenger's open state.
 */
import type { ChatClient } from '../state/chat-client.js';
import { serveFollowers } from '../state/leader-relay.js';
import { RelayTransport } from '../state/relay-transport.js';
import type { TabChannel, TabMessage } from '../state/tab-messages.js';
import type { ChatTransport } from '../state/transport.js';
import { electLeader } from './tab-leadership.js';

export interface TabCoordinator {
  readonly isLeader: () => boolean;
  /** Identity changed (identify, another tab's identify): reconnect as the new contact. */
  tokenChanged(token: string): void;
  broadcastOpen(open: boolean): void;
  stop(): void;
}

export interface TabCoordinatorOptions {
  appId: string;
  client: ChatClient;
  makeSocket: (token?: string) => ChatTransport;
  onRemoteOpen: (open: boolean) => void;
}

function broadcastChannel(name: string): TabChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const bc = new BroadcastChannel(name);
  return {
    post: (m) => bc.postMessage(m),
    listen: (cb) => {
      const on = (e: MessageEvent<TabMessage>) => cb(e.data);
      bc.addEventListener('message', on);
      return () => bc.removeEventListener('message', on);
    },
    close: () => bc.close(),
  } as TabChannel & { close(): void };
}

export function coordinateTabs(opts: TabCoordinatorOptions): TabCoordinator {
  const { client } = opts;
  const tabId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  const channel = broadcastChannel(`parley:${opts.appId}`);
  if (!channel) {
    // No BroadcastChannel: every tab is its own leader.
    client.attach(opts.makeSocket());
    return {
      isLeader: () => true,
      tokenChanged: (token) => {
        client.attach(opts.makeSocket(token));
        client.resetForNewIdentity();
      },
      broadcastOpen: () => {},
      stop: () => client.close(),
    };
  }

  let leader = false;
  let stopServing: () => void = () => {};
  const becomeLeader = (token?: string) => {
    stopServing();
    const socket = opts.makeSocket(token);
    stopServing = serveFollowers(channel, socket, tabId);
    client.attach(socket);
    leader = true;
  };
  const becomeFollower = () => {
    stopServing();
    stopServing = () => {};
    leader = false;
    client.attach(new RelayTransport(channel, tabId));
  };

  becomeFollower();
  const stopElection = electLeader(`parley:${opts.appId}:leader`, channel, tabId, {
    onLeader: () => becomeLeader(),
    onFollower: becomeFollower,
  });
  const stopUi = channel.listen((m) => {
    if (m.t === 'ui' && m.from !== tabId) opts.onRemoteOpen(m.open);
  });

  return {
    isLeader: () => leader,
    tokenChanged: (token) => {
      if (leader) becomeLeader(token);
      client.resetForNewIdentity();
    },
    broadcastOpen: (open) => channel.post({ t: 'ui', from: tabId, open }),
    stop: () => {
      stopElection();
      stopServing();
      stopUi();
      client.close();
      (channel as TabChannel & { close?: () => void }).close?.();
    },
  };
}
