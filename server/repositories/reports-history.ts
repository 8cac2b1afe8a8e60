import { and, eq, like } from 'drizzle-orm';
import type { Database } from '../db/open';
import { cases } from '../db/schema';

type CaseStatus = (typeof cases.$inferSelect)['status'];

/**
 * Sets a case's status (its `status` event is written beside it). No route changes a case's status
 * yet; the demo history and the report tests record resolutions through this.
 */
export async function setCaseStatus(db: Database, teamId: string, caseId: string, status: CaseStatus, at: Date): Promise<void> {
  await db
    .update(cases)
    .set({ status, updatedAt: at })
    .where(and(eq(cases.teamId, teamId), eq(cases.id, caseId)));
}

/** Whether the demo history (cases with HIST- references) was written for this team already. */
export async function hasDemoHistory(db: Database, teamId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.teamId, teamId), like(cases.ref, 'HIST-%')))
    .limit(1);
  return row !== undefined;
}
