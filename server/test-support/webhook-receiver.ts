/**
 * A real webhook receiver for integration tests: a node:http server on
 * 127.0.0.1 (random port) that keeps every request it got, verifies its
 * signature the way examples/webhooks/verify.mjs tells receivers to, and
 * answers as the test's plan says — a status (with a Location for
 * redirects), a connection reset, or no answer at all (a hang: the sender's
 * timeout).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { verifyParleySignature } from '../../examples/webhooks/verify.mjs';
import type { WebhookPayload } from '../../protocol/index.js';

export type ReceiverAnswer = { status: number; location?: string } | 'reset' | 'hang';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  event: WebhookPayload;
  /** The signature checked with the secret the test gave (null when it gave none). */
  verified: boolean | null;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedRequest[];
  /** Which secret(s) to verify with; set once the webhook is created. */
  secrets: string[];
  /** How to answer the n-th request (0-based); default 204. */
  plan: (request: ReceivedRequest, index: number) => ReceiverAnswer;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const sockets = new Set<Socket>();
  const receiver: WebhookReceiver = {
    url: '',
    received: [],
    secrets: [],
    plan: () => ({ status: 204 }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const header = req.headers['parley-signature'];
      const request: ReceivedRequest = {
        path: req.url ?? '/',
        headers: req.headers,
        body: raw.toString('utf8'),
        event: JSON.parse(raw.toString('utf8')) as WebhookPayload,
        verified: receiver.secrets.length > 0 ? receiver.secrets.some((secret) => verifyParleySignature(raw, header, secret)) : null,
      };
      const index = receiver.received.push(request) - 1;
      const answer = receiver.plan(request, index);
      if (answer === 'reset') req.socket.destroy();
      else if (answer !== 'hang') res.writeHead(answer.status, answer.location ? { Location: answer.location } : {}).end('body the sender must not keep');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}
