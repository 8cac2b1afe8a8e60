import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/open';
import { settings } from '../db/schema';
import { markTeamConfigStale } from './config-stale';

/** The team's raw settings document; services/settings.ts validates it. */
export async function getSettingsDocument(db: Database, teamId: string): Promise<Record<string, unknown>> {
  const [row] = await db.select({ data: settings.data }).from(settings).where(eq(settings.teamId, teamId)).limit(1);
  return row?.data ?? {};
}

/** Merges `patch` into the team's settings document (top-level keys replace). */
export async function mergeSettingsDocument(db: Database, teamId: string, patch: Record<string, unknown>): Promise<void> {
  markTeamConfigStale(teamId);
  await db
    .insert(settings)
    .values({ teamId, data: patch })
    .onConflictDoUpdate({ target: settings.teamId, set: { data: sql`${settings.data} || excluded.data`, updatedAt: new Date() } });
}

/** Every team with a settings row, for the retention sweep. */
export async function listTeamSettings(db: Database): Promise<Array<{ teamId: string; data: Record<string, unknown> }>> {
  return db.select({ teamId: settings.teamId, data: settings.data }).from(settings);
}

/**
 * Locks the team's settings row for the rest of the transaction (creating it when missing), so
 * read-check-write sequences such as a versioned save run one at a time per team.
 */
export async function lockSettingsDocument(tx: Database, teamId: string): Promise<Record<string, unknown>> {
  markTeamConfigStale(teamId);
  await tx.insert(settings).values({ teamId, data: {} }).onConflictDoNothing({ target: settings.teamId });
  const [row] = await tx.select({ data: settings.data }).from(settings).where(eq(settings.teamId, teamId)).for('update').limit(1);
  return row?.data ?? {};
}

/** Merges `patch` and drops `remove` keys (a key set to "nothing" is removed, never stored as null). */
export async function updateSettingsDocument(db: Database, teamId: string, patch: Record<string, unknown>, remove: string[] = []): Promise<void> {
  await mergeSettingsDocument(db, teamId, patch);
  if (remove.length === 0) return;
  markTeamConfigStale(teamId);
  await db
    .update(settings)
    .set({
      data: sql`${settings.data} - ${sql`array[${sql.join(
        remove.map((k) => sql`${k}`),
        sql`, `,
      )}]::text[]`}`,
      updatedAt: new Date(),
    })
    .where(eq(settings.teamId, teamId));
}
