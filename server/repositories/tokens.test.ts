import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/open';
import { apiTokens } from '../db/schema';
import { testDatabases } from '../../tests/server/databases';
import { createTestTeam, type TestTeam } from '../../tests/server/harness';
import { touchToken } from './tokens';

/** A token's last use is written at most once a minute, and the requests in between send no statement. */
describe.each(testDatabases())('token use on $kind', (target) => {
  let db: Database;
  let team: TestTeam;

  beforeAll(async () => {
    db = (await target.open()).db;
    team = await createTestTeam(db, 'Touch');
  });
  afterAll(async () => {
    await target.dispose();
  });

  const lastUsed = async () => (await db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, team.agentTokenId)))[0]!.at;

  it('records the first use, sends nothing again within the minute, and records a use a minute later', async () => {
    const t0 = new Date('2026-12-01T10:00:00Z');
    await touchToken(db, team.agentTokenId, t0);
    expect(await lastUsed()).toEqual(t0);

    // Cleared behind the process's back: a statement sent within the minute would write it again.
    await db.update(apiTokens).set({ lastUsedAt: null }).where(eq(apiTokens.id, team.agentTokenId));
    await touchToken(db, team.agentTokenId, new Date(t0.getTime() + 30_000));
    expect(await lastUsed()).toBeNull();

    const later = new Date(t0.getTime() + 61_000);
    await touchToken(db, team.agentTokenId, later);
    expect(await lastUsed()).toEqual(later);
  });
});
