/**
 * Generations of each team's configuration (settings, templates) in this process. Writers bump their
 * team's before writing, and the cross-instance notification bumps it again after the commit; the
 * in-memory configuration cache (services/team-config-cache.ts) reloads an entry whose generation moved.
 */
const generations = new Map<string, number>();
let everyTeam = 0;

/** The team's configuration is changing on this process: the next read goes to the database. */
export function markTeamConfigStale(teamId: string): void {
  generations.set(teamId, (generations.get(teamId) ?? 0) + 1);
}

/** Every team's configuration may have changed (a notification without a team). */
export function markAllTeamConfigsStale(): void {
  everyTeam += 1;
}

export function teamConfigGeneration(teamId: string): number {
  return everyTeam + (generations.get(teamId) ?? 0);
}
