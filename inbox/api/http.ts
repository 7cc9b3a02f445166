/**
 * The one place the inbox talks HTTP. It adds what every call needs (JSON,
 * the CSRF header on mutations, same-origin cookies) and turns every failure —
 * an error body, a proxy's HTML page, a dropped connection — into one
 * `ApiError` with a `code`, so views switch on codes instead of parsing responses.
 *
 * @example
 * const http = createHttpClient({ onUnauthorized: () => session.expire() });
 * const me = await http.get<MeResponse>('/auth/me');
 */
import type { ErrorCode, ErrorResponse } from '../../protocol/index.js';

/** Server codes plus the two failures that never reach the server's error mapper. */
export type ApiErrorCode = ErrorCode | 'network_error' | 'bad_response';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    /** HTTP status; 0 when no response arrived. */
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Sent as is (a file upload) instead of as JSON. */
  raw?: Blob;
}

export interface HttpClient {
  get<T>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  post<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  patch<T>(path: string, body: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  /** PUT: replaces a whole set (a conversation's tags). */
  put<T>(path: string, body: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  /** DELETE; resolves with undefined on the usual 204. */
  delete<T = void>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  /** POSTs a file as the raw request body (same CSRF and cookie rules as every mutation). */
  upload<T>(path: string, file: Blob, options?: Omit<RequestOptions, 'body' | 'raw'>): Promise<T>;
  /** The session's CSRF token (from login or /auth/me); null after logout. */
  setCsrfToken(token: string | null): void;
}

export interface HttpClientOptions {
  /** Prefix of every path; the API is same-origin so this is a path, not a URL. */
  baseUrl?: string;
  /** Injected in unit tests; the real `fetch` otherwise. */
  fetch?: typeof fetch;
  /** Called on any 401 so the app can fall back to the login form when a session ends. */
  onUnauthorized?: () => void;
}

/** Used when an error response has no usable body (e.g. a reverse proxy's 502 page). */
const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'unavailable',
};

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const baseUrl = options.baseUrl ?? '/api/v1';
  // Bound lazily so tests can stub globalThis.fetch after the client is created.
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  let csrfToken: string | null = null;

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const mutating = method !== 'GET';
    if (mutating) {
      headers['Content-Type'] = opts.raw ? 'application/octet-stream' : 'application/json';
      if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
    }
    let response: Response;
    try {
      response = await doFetch(baseUrl + path + toQueryString(opts.query), {
        method,
        headers,
        credentials: 'same-origin',
        body: opts.raw ?? (mutating && opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
        signal: opts.signal,
      });
    } catch (cause) {
      // An abort is the caller's own decision: let it through untouched so it can be ignored.
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError(0, 'network_error', 'Cannot reach the server. Check your connection.');
    }
    if (response.status === 401) options.onUnauthorized?.();
    if (!response.ok) throw await toApiError(response);
    if (response.status === 204) return undefined as T;
    try {
      return (await response.json()) as T;
    } catch {
      throw new ApiError(response.status, 'bad_response', 'The server sent an unreadable response.');
    }
  }

  return {
    get: (path, opts) => request('GET', path, opts),
    post: (path, body, opts) => request('POST', path, { ...opts, body }),
    patch: (path, body, opts) => request('PATCH', path, { ...opts, body }),
    put: (path, body, opts) => request('PUT', path, { ...opts, body }),
    delete: (path, opts) => request('DELETE', path, opts),
    upload: (path, file, opts) => request('POST', path, { ...opts, raw: file }),
    setCsrfToken(token) {
      csrfToken = token;
    },
  };
}

export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy page, an empty body): fall back to the status below.
  }
  if (isErrorResponse(body)) {
    return new ApiError(response.status, body.error.code, body.error.message);
  }
  const code = CODE_BY_STATUS[response.status] ?? 'internal';
  return new ApiError(response.status, code, `Request failed (${response.status}).`);
}

function isErrorResponse(value: unknown): value is ErrorResponse {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

/** True when a failure means "try again later" rather than "this request is wrong". */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.status === 0 || error.status >= 500 || error.code === 'rate_limited';
}
