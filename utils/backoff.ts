/**
 * Exponential backoff, the one formula every retry in the code uses (the outbox, the worker's event
 * stream, the server's LISTEN connection): `baseMs` after the first failure, doubling with each
 * further one, never more than `maxMs`. The exponent is capped so a long outage cannot overflow it.
 */
export function backoffDelay(failures: number, { baseMs, maxMs }: { baseMs: number; maxMs: number }): number {
  const doublings = Math.min(Math.max(0, failures - 1), 30);
  return Math.min(maxMs, baseMs * 2 ** doublings);
}
