import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import type { TestDatabase } from './databases';
import { createTestTeam, type TestTeam } from './harness';

/**
 * The setup most backend tests share: the app on a fresh database of `target`, with one team (lead,
 * agent and their tokens) per label, in that order. closeTestApp undoes it.
 */
export async function openTestApp<const Labels extends readonly string[]>(
  target: TestDatabase,
  ...labels: Labels
): Promise<{ app: FastifyInstance; teams: { -readonly [K in keyof Labels]: TestTeam } }> {
  const { db } = await target.open();
  const app = await buildApp({ db });
  const teams: TestTeam[] = [];
  for (const label of labels) teams.push(await createTestTeam(app.db, label));
  return { app, teams: teams as { -readonly [K in keyof Labels]: TestTeam } };
}

/** Closes the app (when it was built) and drops the test database. */
export async function closeTestApp(app: FastifyInstance | undefined, target: TestDatabase): Promise<void> {
  await app?.close();
  await target.dispose();
}
