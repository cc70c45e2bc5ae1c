/**
 * How much one client and the whole deployment may hold of the session service (README, "Security: client
 * addresses and limits"). The defaults here are the settings' defaults (lib/config/env.ts); the rest are fixed.
 */

/** RTC_DOCTOR_SESSION_STORAGE_BYTES: what all stored sessions together may take (see CollaborationStore, `collaborationSessionSize`). */
export const DEFAULT_COLLABORATION_STORAGE_BYTES = 256 * 1024 * 1024;
/** RTC_DOCTOR_SESSION_CREATES_PER_HOUR: sessions one client may create (win) in an hour; losers (409) are not counted. */
export const DEFAULT_COLLABORATION_CREATES_PER_HOUR = 60;
/** The window of that count: fixed, starting with the client's first counted create. */
export const COLLABORATION_CREATE_WINDOW_SECONDS = 3600;
/** RTC_DOCTOR_SESSION_STREAMS_PER_CLIENT: event streams one client may hold open at once, in one server process. */
export const DEFAULT_COLLABORATION_STREAMS_PER_CLIENT = 20;
/** RTC_DOCTOR_SESSION_STREAMS_PER_PROCESS: event streams one server process holds open at once, all clients together. */
export const DEFAULT_COLLABORATION_STREAMS_PER_PROCESS = 2000;
/** RTC_DOCTOR_SESSION_STREAM_SECONDS: the longest an event stream stays open; then it says `retry:` and ends. */
export const DEFAULT_COLLABORATION_STREAM_SECONDS = 600;
/** RTC_DOCTOR_SESSION_HEARTBEAT_SECONDS: how often an event stream sends a comment line, so proxies keep it open. */
export const DEFAULT_COLLABORATION_HEARTBEAT_SECONDS = 15;
/** The `retry:` a stream sends at the end of its lifetime: EventSource reconnects after this many milliseconds. */
export const COLLABORATION_STREAM_RETRY_MS = 1000;
/** The Retry-After of a 503 when a stream cap is reached. */
export const COLLABORATION_STREAMS_BUSY_RETRY_SECONDS = 5;
/** Expired sessions examined (and locked) per eviction statement when a create needs room. */
export const COLLABORATION_EVICTION_BATCH = 500;
