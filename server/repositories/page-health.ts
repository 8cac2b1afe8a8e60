import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { PageHealthItem } from '../../utils/schemas/health';
import type { PageContext } from '../../utils/schemas/page';
import type { Database } from '../db/open';
import { pageHealth } from '../db/schema-health';

/** Digits become '#', so a sample path never keeps an order id, a claim id or a phone number. */
export function maskPath(url: string): string {
  try {
    return new URL(url).pathname.replace(/\d/g, '#').slice(0, 200);
  } catch {
    return '';
  }
}

/**
 * One or more sightings of a page the adapter could not fully read, or read in full only through
 * fallbacks (`lowerTier`: fields found below their usual tier, so a redesign shows before it breaks).
 */
export interface PageHealthSighting {
  teamId: string;
  portal: string;
  pageKind: string;
  status: 'full' | 'partial' | 'unrecognized';
  missing: string[];
  lowerTier: string[];
  signature: string;
  samplePath: string;
  count: number;
  firstSeen: Date;
  lastSeen: Date;
}

/** The sighting a page context makes, or undefined for a page read in full at the usual tiers. */
export function pageHealthSighting(teamId: string, ctx: PageContext, now: Date): PageHealthSighting | undefined {
  const status = ctx.recognition.status;
  const lowerTier = [...new Set(ctx.recognition.lowerTier ?? [])].sort().slice(0, 50);
  if (status === 'full' && lowerTier.length === 0) return undefined;
  const missing = [...new Set(ctx.recognition.missing)].sort().slice(0, 50);
  const signature = [ctx.portal, ctx.pageKind, status, ...missing, ...(lowerTier.length ? ['lower', ...lowerTier] : [])].join('|').slice(0, 2000);
  return {
    teamId,
    portal: ctx.portal,
    pageKind: ctx.pageKind,
    status,
    missing,
    lowerTier,
    signature,
    samplePath: maskPath(ctx.url),
    count: 1,
    firstSeen: now,
    lastSeen: now,
  };
}

/** Adds sightings (one per team and signature) to their rows in one statement. */
export async function recordPageHealthBatch(db: Database, sightings: PageHealthSighting[]): Promise<void> {
  if (sightings.length === 0) return;
  await db
    .insert(pageHealth)
    .values(sightings)
    .onConflictDoUpdate({
      target: [pageHealth.teamId, pageHealth.signature],
      set: {
        count: sql`${pageHealth.count} + excluded.count`,
        firstSeen: sql`least(${pageHealth.firstSeen}, excluded.first_seen)`,
        lastSeen: sql`greatest(${pageHealth.lastSeen}, excluded.last_seen)`,
        samplePath: sql`case when excluded.last_seen >= ${pageHealth.lastSeen} then excluded.sample_path else ${pageHealth.samplePath} end`,
      },
    });
}

export async function listPageHealth(db: Database, teamId: string, since: Date): Promise<PageHealthItem[]> {
  const rows = await db
    .select()
    .from(pageHealth)
    .where(and(eq(pageHealth.teamId, teamId), gte(pageHealth.lastSeen, since)))
    .orderBy(desc(pageHealth.lastSeen))
    .limit(200);
  return rows.map((r) => ({
    portal: r.portal as PageHealthItem['portal'],
    pageKind: r.pageKind as PageHealthItem['pageKind'],
    status: r.status,
    missing: r.missing,
    lowerTier: r.lowerTier ?? [],
    samplePath: r.samplePath,
    count: r.count,
    firstSeen: r.firstSeen.toISOString(),
    lastSeen: r.lastSeen.toISOString(),
  }));
}
