import { z } from 'zod';
import type { Database } from '../db/open';
import { getSettingsDocument, listTeamSettings } from '../repositories/settings';

/**
 * A team's settings document. The fraud matrix and SLA policies are checked by their engines when used;
 * here they are only carried. Unknown keys are kept (a newer instance may have written them).
 */
export const TeamSettings = z.looseObject({
  /** Days to keep buyers' personal data on orders; unset keeps it until a lead sets a period. */
  retentionDays: z.number().int().min(1).max(3650).optional(),
  fraudMatrix: z.unknown().optional(),
  slaPolicies: z.unknown().optional(),
});
export type TeamSettings = z.infer<typeof TeamSettings>;

/** The team's settings; a malformed document reads as empty rather than breaking every panel load. */
export async function loadTeamSettings(db: Database, teamId: string): Promise<TeamSettings> {
  const parsed = TeamSettings.safeParse(await getSettingsDocument(db, teamId));
  return parsed.success ? parsed.data : {};
}

export async function listRetentionPolicies(db: Database): Promise<Array<{ teamId: string; retentionDays: number }>> {
  const rows = await listTeamSettings(db);
  return rows.flatMap((row) => {
    const parsed = TeamSettings.safeParse(row.data);
    return parsed.success && parsed.data.retentionDays ? [{ teamId: row.teamId, retentionDays: parsed.data.retentionDays }] : [];
  });
}
