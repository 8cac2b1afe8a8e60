import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Agent } from '../../utils/schemas/api';
import type { Role } from '../../utils/schemas/common';
import type { Database } from '../db/open';
import { agents } from '../db/schema';

type AgentRow = typeof agents.$inferSelect;

export function toAgent(row: AgentRow): Agent {
  const agent: Agent = {
    id: row.id,
    teamId: row.teamId,
    name: row.name,
    role: row.role,
    createdAt: row.createdAt.toISOString(),
    active: row.deactivatedAt === null,
  };
  if (row.email) agent.email = row.email;
  return agent;
}

export async function createAgent(db: Database, teamId: string, input: { name: string; email?: string; role: Role }): Promise<Agent> {
  const [row] = await db
    .insert(agents)
    .values({ teamId, name: input.name, email: input.email ?? null, role: input.role })
    .returning();
  return toAgent(row!);
}

export async function listAgents(db: Database, teamId: string): Promise<Agent[]> {
  const rows = await db.select().from(agents).where(eq(agents.teamId, teamId)).orderBy(asc(agents.createdAt), asc(agents.name));
  return rows.map(toAgent);
}

export async function getAgent(db: Database, teamId: string, id: string): Promise<Agent | undefined> {
  const [row] = await db
    .select()
    .from(agents)
    .where(and(eq(agents.teamId, teamId), eq(agents.id, id)))
    .limit(1);
  return row && toAgent(row);
}

export async function findAgentByName(db: Database, teamId: string, name: string): Promise<Agent | undefined> {
  const [row] = await db
    .select()
    .from(agents)
    .where(and(eq(agents.teamId, teamId), eq(agents.name, name)))
    .limit(1);
  return row && toAgent(row);
}

/**
 * Deactivates (or reactivates) an agent of the team; deactivating twice keeps the first time.
 * Returns the agent as it is afterwards, or undefined when the team has no such agent.
 */
export async function setAgentActive(db: Database, teamId: string, id: string, active: boolean, now = new Date()): Promise<Agent | undefined> {
  const [row] = await db
    .update(agents)
    .set({ deactivatedAt: active ? null : sql`coalesce(${agents.deactivatedAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(agents.teamId, teamId), eq(agents.id, id)))
    .returning();
  return row && toAgent(row);
}

/** Active leads of the team other than `exceptId`: a team must keep one lead who can sign in. */
export async function countOtherActiveLeads(db: Database, teamId: string, exceptId: string): Promise<number> {
  const rows = await db
    .select({ id: agents.id })
    .from(agents)
    .where(and(eq(agents.teamId, teamId), eq(agents.role, 'lead'), isNull(agents.deactivatedAt), ne(agents.id, exceptId)));
  return rows.length;
}
