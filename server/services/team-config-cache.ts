import type { FraudMatrix } from '../../utils/schemas/fraud';
import type { SlaPolicySet } from '../../utils/schemas/sla';
import type { Template } from '../../utils/schemas/templates';
import type { Database, ListenFn } from '../db/open';
import { markAllTeamConfigsStale, markTeamConfigStale, teamConfigGeneration } from '../repositories/config-stale';
import { listLiveTeamTemplates } from '../repositories/templates';
import { teamMatrix, teamPolicies } from './insights';
import { loadTeamSettings, type TeamSettings } from './settings';

/**
 * A team's configuration as the panel uses it (settings, the checked fraud matrix and SLA policy set,
 * the live templates), kept in memory so a panel load reads only the order's own data.
 *
 * Kept fresh three ways:
 * - the database announces every change of `settings` or `templates` on TEAM_CONFIG_CHANNEL (triggers,
 *   migration 0012): every instance sharing the database drops that team's entry when the writing
 *   transaction commits (PGlite delivers the same NOTIFY in process);
 * - this process's own writes mark the team stale at once (repositories/config-stale.ts), so a lead who saves
 *   and reloads on the same instance never waits for the notification to travel;
 * - when the listening connection comes back after a loss (PostgreSQL), every entry is dropped, since
 *   notifications sent meanwhile were lost; and an entry older than MAX_AGE_MS is read again, a bound on
 *   staleness while a lost connection has not been noticed yet.
 */
export const TEAM_CONFIG_CHANNEL = 'caseside_team_config';
const MAX_AGE_MS = 30_000;

export interface TeamConfig {
  settings: TeamSettings;
  matrix: FraudMatrix;
  policies: SlaPolicySet;
  /** Live (not archived) team templates and every agent's personal ones; `templatesFor` picks an agent's. */
  templates: Template[];
}

interface Entry {
  generation: number;
  loadedAt: number;
  value: Promise<TeamConfig>;
}

export class TeamConfigCache {
  private readonly entries = new Map<string, Entry>();
  private stopListening: (() => Promise<void>) | undefined;

  constructor(
    private readonly db: Database,
    private readonly listen: ListenFn,
  ) {}

  /** Listens for changes; until it does, nothing is cached (a change could go unheard). */
  async start(): Promise<void> {
    this.stopListening ??= await this.listen(
      TEAM_CONFIG_CHANNEL,
      (teamId) => {
        if (teamId) markTeamConfigStale(teamId);
        else markAllTeamConfigsStale();
      },
      markAllTeamConfigsStale,
    );
  }

  async stop(): Promise<void> {
    const stop = this.stopListening;
    this.stopListening = undefined;
    this.entries.clear();
    await stop?.();
  }

  get(teamId: string, now = Date.now()): Promise<TeamConfig> {
    const generation = teamConfigGeneration(teamId);
    const entry = this.entries.get(teamId);
    if (entry && entry.generation === generation && now - entry.loadedAt < MAX_AGE_MS) return entry.value;
    const value = this.load(teamId);
    if (!this.stopListening) return value;
    const fresh: Entry = { generation, loadedAt: now, value };
    this.entries.set(teamId, fresh);
    // A failed read is not remembered: the next panel load tries again.
    value.catch(() => {
      if (this.entries.get(teamId) === fresh) this.entries.delete(teamId);
    });
    return value;
  }

  private load(teamId: string): Promise<TeamConfig> {
    return loadTeamConfig(this.db, teamId);
  }
}

/** The team's configuration read from the database (what the cache keeps). */
export async function loadTeamConfig(db: Database, teamId: string): Promise<TeamConfig> {
  // One after the other: `db` may be a transaction, one connection.
  const settings = await loadTeamSettings(db, teamId);
  const templates = await listLiveTeamTemplates(db, teamId);
  return { settings, matrix: teamMatrix(settings), policies: teamPolicies(settings), templates };
}

/** The templates an agent may use: the team's plus their own personal ones (the list is title-ordered). */
export function templatesFor(config: TeamConfig, agentId: string): Template[] {
  return config.templates.filter((t) => t.scope === 'team' || t.ownerId === agentId);
}

const caches = new WeakMap<Database, TeamConfigCache>();

/** The cache of one database (one per app); created on first use. */
export function teamConfigCache(db: Database, listen: ListenFn): TeamConfigCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new TeamConfigCache(db, listen)));
  return cache;
}
