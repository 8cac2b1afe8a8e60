import { eq } from 'drizzle-orm';
import type { Database } from '../db/open';
import { teams } from '../db/schema';

export interface TeamRow {
  id: string;
  name: string;
}

export async function createTeam(db: Database, name: string): Promise<TeamRow> {
  const [row] = await db.insert(teams).values({ name }).returning({ id: teams.id, name: teams.name });
  return row!;
}

export async function findTeamByName(db: Database, name: string): Promise<TeamRow | undefined> {
  const [row] = await db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.name, name)).limit(1);
  return row;
}

export async function getTeam(db: Database, id: string): Promise<TeamRow | undefined> {
  const [row] = await db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, id)).limit(1);
  return row;
}
