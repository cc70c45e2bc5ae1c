/**
 * Every code an API error body (`{ "error": { "code", "message" } }`) carries, with the HTTP status it is sent
 * with: the one list, so a misspelt code is a type error. lib/http/json.ts's apiError() is the one way to answer one.
 */
export const API_ERROR_STATUS = {
  BAD_REQUEST: 400,
  // Sign-up and profile refusals, in better-auth's own error shape (lib/auth/hooks.ts).
  VALIDATION_ERROR: 400,
  PASSWORD_TOO_SHORT: 400,
  PASSWORD_TOO_LONG: 400,
  PASSWORD_TOO_COMMON: 400,
  PASSWORD_IS_EMAIL: 400,
  PASSWORD_CONTAINS_EMAIL: 400,
  UNAUTHENTICATED: 401,
  CSRF_REJECTED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  KEY_CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_KEYS: 422,
  RATE_LIMITED: 429,
  SESSION_CREATE_LIMIT: 429,
  INTERNAL_ERROR: 500,
  TOO_MANY_STREAMS: 503,
  SESSION_STORAGE_FULL: 507,
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;
