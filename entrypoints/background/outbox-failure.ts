/**
 * How the outbox treats a write the backend did not accept. The rule: nothing the agent did is lost, and
 * one bad write never holds back the ones behind it. So a write is either retried later (the backend is
 * unreachable, busy or rate-limiting: every write would fail alike), kept until the agent signs in again,
 * or set aside with the backend's reason so later writes go on and the agent can fix or drop it.
 */
export type SendFailure = {
  ok: false;
  /** HTTP status; absent when no answer came (network down, timeout). */
  status?: number;
  code: string;
  message: string;
  field?: string;
};

export type FailureHandling =
  /** Nothing reached the backend or it is down: hold the queue and retry with backoff. */
  | 'offline'
  /** 408 or 429: the backend asks to come back later; retry with backoff, not this write's fault. */
  | 'retry-later'
  /** 401 or signed out: keep everything and wait for sign-in. */
  | 'auth'
  /** The backend answered in its own words that it failed on this write: retry a few times, then set aside. */
  | 'server-error'
  /** Any other 4xx: the backend will never accept this body; set aside now. */
  | 'refused';

/** After this many backend failures (500 with the backend's own error body) a write is set aside. */
export const MAX_SERVER_ERRORS = 5;

// A gateway answering for a backend that is restarting or down says nothing about this write.
const GATEWAY_STATUSES = new Set([502, 503, 504]);

export function classifyFailure(failure: SendFailure): FailureHandling {
  const { status, code } = failure;
  if (status === 401 || code === 'unauthorized' || code === 'signed_out') return 'auth';
  if (status === undefined || code === 'offline') return 'offline';
  if (status === 408 || status === 429 || code === 'rate_limited') return 'retry-later';
  if (status >= 500) return GATEWAY_STATUSES.has(status) ? 'offline' : 'server-error';
  return 'refused';
}
