import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { Agent, ApiTokenInfo } from '../../utils/schemas/api';
import type { Database } from '../db/open';
import { agents, apiTokens, teams } from '../db/schema';
import { toAgent } from './agents';

type TokenInfo = z.infer<typeof ApiTokenInfo>;
type TokenRow = typeof apiTokens.$inferSelect;

/** Only this hash is stored; a database leak does not leak usable tokens. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** 256 random bits; the prefix makes a leaked token easy to recognise in logs and secret scanners. */
export function generateToken(): string {
  return `cs_${randomBytes(32).toString('base64url')}`;
}

function toInfo(row: TokenRow): TokenInfo {
  return {
    id: row.id,
    agentId: row.agentId,
    label: row.label,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

/** Stores the hash of `token` (a fresh random one unless given, as the demo seed does). */
export async function insertToken(
  db: Database,
  input: { teamId: string; agentId: string; label: string; token?: string; expiresAt?: Date },
): Promise<{ token: string; info: TokenInfo }> {
  const token = input.token ?? generateToken();
  const [row] = await db
    .insert(apiTokens)
    .values({ teamId: input.teamId, agentId: input.agentId, label: input.label, tokenHash: hashToken(token), expiresAt: input.expiresAt ?? null })
    .returning();
  return { token, info: toInfo(row!) };
}

export async function tokenHashExists(db: Database, token: string): Promise<boolean> {
  const [row] = await db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, hashToken(token)))
    .limit(1);
  return row !== undefined;
}

export interface Caller {
  tokenId: string;
  agent: Agent;
  team: { id: string; name: string };
  /** When the token stops working by itself (a live stream is ended then too). */
  expiresAt?: Date | null;
}

/**
 * The caller behind a bearer token, or undefined when it is unknown, revoked, past its expiry, or
 * belongs to a deactivated agent.
 */
export async function findCallerByToken(db: Database, token: string, now = new Date()): Promise<Caller | undefined> {
  const [row] = await db
    .select({ token: apiTokens, agent: agents, team: { id: teams.id, name: teams.name } })
    .from(apiTokens)
    .innerJoin(agents, and(eq(agents.id, apiTokens.agentId), eq(agents.teamId, apiTokens.teamId)))
    .innerJoin(teams, eq(teams.id, apiTokens.teamId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashToken(token)),
        isNull(apiTokens.revokedAt),
        isNull(agents.deactivatedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    )
    .limit(1);
  return row && { tokenId: row.token.id, agent: toAgent(row.agent), team: row.team, expiresAt: row.token.expiresAt };
}

const TOUCH_EVERY_MS = 60_000;
/** When this process last sent a token's touch (token ids are UUIDs, unique across databases). */
const touchedAt = new Map<string, number>();

/**
 * Records use at most once a minute, so a busy agent does not write a row per request: the statement's
 * condition keeps it to once a minute across instances, and this process sends it at most once a minute
 * per token, so the requests in between cost no statement at all.
 */
export async function touchToken(db: Database, tokenId: string, now = new Date()): Promise<void> {
  const at = now.getTime();
  const last = touchedAt.get(tokenId);
  if (last !== undefined && at >= last && at - last < TOUCH_EVERY_MS) return;
  if (touchedAt.size >= 10_000) {
    for (const [id, t] of touchedAt) if (at - t >= TOUCH_EVERY_MS) touchedAt.delete(id);
  }
  touchedAt.set(tokenId, at);
  const aMinuteAgo = new Date(at - TOUCH_EVERY_MS);
  try {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiTokens.id, tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, aMinuteAgo))));
  } catch (err) {
    // Not recorded: the next request tries again.
    if (touchedAt.get(tokenId) === at) touchedAt.delete(tokenId);
    throw err;
  }
}

export async function listTokens(db: Database, teamId: string, agentId: string): Promise<TokenInfo[]> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.teamId, teamId), eq(apiTokens.agentId, agentId)))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(toInfo);
}

/** Revokes a token of the team; revoking twice keeps the first revocation time. `changed` is true the first time. */
export async function revokeToken(
  db: Database,
  teamId: string,
  tokenId: string,
  now = new Date(),
): Promise<{ token: TokenInfo | undefined; changed: boolean }> {
  const updated = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.teamId, teamId), eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.teamId, teamId), eq(apiTokens.id, tokenId)))
    .limit(1);
  return { token: row && toInfo(row), changed: updated.length > 0 };
}
