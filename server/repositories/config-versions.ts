import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/open';
import { agents } from '../db/schema';
import { configVersions } from '../db/schema-admin';

export type ConfigKind = (typeof configVersions.$inferSelect)['kind'];

export interface ConfigVersionInfo {
  version: number;
  createdAt: Date;
  createdByName: string | null;
}

/** Who saved a version of the team's matrix or policies, and when; undefined when it was never saved here. */
export async function findConfigVersion(db: Database, teamId: string, kind: ConfigKind, version: number): Promise<ConfigVersionInfo | undefined> {
  const [row] = await db
    .select({ version: configVersions.version, createdAt: configVersions.createdAt, createdByName: agents.name })
    .from(configVersions)
    .leftJoin(agents, eq(agents.id, configVersions.createdBy))
    .where(and(eq(configVersions.teamId, teamId), eq(configVersions.kind, kind), eq(configVersions.version, version)))
    .limit(1);
  return row;
}

/**
 * Claims `version` for a new document. False when that version already exists: someone else saved
 * first (the UNIQUE index is the lock, so two concurrent saves can never both win).
 */
export async function insertConfigVersion(
  db: Database,
  teamId: string,
  input: { kind: ConfigKind; version: number; document: Record<string, unknown>; createdBy: string; createdAt: Date },
): Promise<boolean> {
  const rows = await db
    .insert(configVersions)
    .values({ teamId, ...input })
    .onConflictDoNothing({ target: [configVersions.teamId, configVersions.kind, configVersions.version] })
    .returning({ id: configVersions.id });
  return rows.length === 1;
}
