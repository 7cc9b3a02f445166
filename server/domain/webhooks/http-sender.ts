/**
 * One HTTP attempt of a delivery: POST the body to the URL, connected to the
 * address the guard checked (a custom `lookup`, so DNS is not asked again and
 * a rebinding cannot switch it), TLS still verified against the host name,
 * no redirect followed (a 3xx is an answer like any other non-2xx), a hard
 * timeout over the whole attempt. Nothing of the response body is kept: it is
 * the receiver's, and may carry anything.
 *
 * @example const result = await postOnce(target, body, headers, { timeoutMs: 10_000 })
 */
import type { LookupFunction } from 'node:net';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ResolvedAddress, ResolvedTarget } from './address-guard.js';

export interface PostResult {
  /** The receiver's status code; null when none came. */
  statusCode: number | null;
  /** Why the attempt did not succeed (null on 2xx). */
  error: string | null;
  responseMs: number;
}

export interface PostOptions {
  timeoutMs: number;
  /** Aborts the attempt (the worker stopping). */
  signal?: AbortSignal;
}

/** A `lookup` that always answers the checked address (both the single and the `all` form net may ask for). */
function pinnedLookup({ address, family }: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) (callback as unknown as (err: null, addresses: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

function describeStatus(status: number, response: IncomingMessage): string | null {
  if (status >= 200 && status < 300) return null;
  if (status >= 300 && status < 400) return `redirect (${status}) not followed${response.headers.location ? '' : ' (no Location)'}`;
  return `HTTP ${status}`;
}

/** Network errors in a few words, without the URL (it may carry a token in its path or query). */
function describeError(err: unknown): string {
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string') return code === 'ECONNRESET' ? 'connection reset' : code === 'ECONNREFUSED' ? 'connection refused' : code;
  return err instanceof Error ? err.message.slice(0, 200) : 'request failed';
}

export function postOnce(target: ResolvedTarget, body: string, headers: Record<string, string>, options: PostOptions): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const { url } = target;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<PostResult>((resolve) => {
    let settled = false;
    const finish = (result: Omit<PostResult, 'responseMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve({ ...result, responseMs: elapsed() });
    };
    const req = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        lookup: pinnedLookup(target.address),
        // A fresh connection each time: a pooled one could outlive the check of its address.
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        finish({ statusCode: status, error: describeStatus(status, res) });
        // The answer is the status: drop the body, and the connection with it.
        res.resume();
        res.destroy();
      },
    );
    const timer = setTimeout(() => {
      finish({ statusCode: null, error: `timed out after ${options.timeoutMs} ms` });
      req.destroy();
    }, options.timeoutMs);
    const onAbort = () => {
      finish({ statusCode: null, error: 'aborted' });
      req.destroy();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (err) => finish({ statusCode: null, error: describeError(err) }));
    req.end(body);
  });
}
