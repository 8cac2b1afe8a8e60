/**
 * Counts failed sign-ins per client address in a fixed one-minute window. The general rate limit is
 * keyed by token, so a caller inventing a new token per request would never hit it; this one answers
 * such guessing with 429 after `max` failures a minute.
 */
export class AuthFailureLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly max = 30,
    private readonly windowMs = 60_000,
  ) {}

  isBlocked(client: string, now = Date.now()): boolean {
    const window = this.windows.get(client);
    return window !== undefined && window.resetAt > now && window.count >= this.max;
  }

  recordFailure(client: string, now = Date.now()): void {
    if (this.windows.size > 10_000) this.prune(now);
    const window = this.windows.get(client);
    if (!window || window.resetAt <= now) this.windows.set(client, { count: 1, resetAt: now + this.windowMs });
    else window.count += 1;
  }

  private prune(now: number): void {
    for (const [client, window] of this.windows) if (window.resetAt <= now) this.windows.delete(client);
  }
}
