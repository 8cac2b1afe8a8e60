import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/open';
import { agents } from '../db/schema';
import { queryRows } from './reports-scope';

/** The team's agents for the report's agent filter. */
export async function listReportAgents(db: Database, teamId: string): Promise<{ id: string; name: string }[]> {
  return db.select({ id: agents.id, name: agents.name }).from(agents).where(eq(agents.teamId, teamId)).orderBy(asc(agents.name));
}

export async function findReportAgent(db: Database, teamId: string, agentId: string): Promise<{ id: string; name: string } | undefined> {
  const [row] = await db
    .select({ id: agents.id, name: agents.name })
    .from(agents)
    .where(and(eq(agents.teamId, teamId), eq(agents.id, agentId)))
    .limit(1);
  return row;
}

/** Marketplaces the team has cases on, for the marketplace filter. */
export async function listReportMarketplaces(db: Database, teamId: string): Promise<string[]> {
  const rows = await queryRows<{ marketplace: string }>(
    db,
    sql`select distinct marketplace from cases where team_id = ${teamId} and marketplace is not null order by marketplace`,
  );
  return rows.map((r) => r.marketplace);
}
