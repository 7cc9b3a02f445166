/**
 * Error codes shared by the REST API and socket acks. One list so clients can
 * switch on `code` without guessing; the HTTP status lives next to each code.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  invalid_json: 400,
  unauthorized: 401,
  invalid_user_hash: 401,
  csrf_failed: 403,
  forbidden: 403,
  origin_not_allowed: 403,
  not_found: 404,
  unknown_app: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

/** The JSON body of every non-2xx REST response. */
export interface ErrorResponse {
  error: ErrorBody;
}
