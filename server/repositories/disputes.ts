import { and, asc, count, eq, inArray, ne, sql } from 'drizzle-orm';
import { isMarketplaceClaim } from '../../utils/portals/catalogue';
import type { DisputeReason, DisputeStatus } from '../../utils/schemas/disputes';
import type { Database } from '../db/open';
import { disputeEvidence, disputes, PROCESSOR_SOURCES_SQL } from '../db/schema-disputes';

export type DisputeRow = typeof disputes.$inferSelect;
export type EvidenceRow = typeof disputeEvidence.$inferSelect;

export type NewDispute = Pick<
  DisputeRow,
  | 'kind'
  | 'portal'
  | 'marketplace'
  | 'externalId'
  | 'orderId'
  | 'caseId'
  | 'network'
  | 'reasonCode'
  | 'reasonText'
  | 'reason'
  | 'amountMinor'
  | 'currency'
  | 'filedAt'
  | 'deadline'
> & {
  /** The card stage the page states (a Shopify inquiry); left out: a chargeback, or none for a marketplace claim. */
  stage?: 'inquiry' | 'chargeback' | null;
};

/** Stages by rank: a page load may move a dispute on (inquiry to chargeback) but never back. */
const STAGES_SQL = sql.raw(`ARRAY['alert','inquiry','chargeback','pre_arbitration']::text[]`);

/**
 * Inserts the dispute a page shows, or refreshes what the page says about it (amount, reason,
 * deadline). Status and outcome belong to the team and are never overwritten by a page load.
 */
export async function upsertDispute(db: Database, teamId: string, input: NewDispute, now = new Date()): Promise<{ row: DisputeRow; created: boolean }> {
  const keep = (column: string) => sql.raw(`coalesce(excluded.${column}, disputes.${column})`);
  const [row] = await db
    .insert(disputes)
    .values({
      teamId,
      ...input,
      source: input.portal,
      stage: isMarketplaceClaim(input.kind) ? null : (input.stage ?? 'chargeback'),
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [disputes.teamId, disputes.kind, disputes.externalId],
      // The kind index covers page disputes only (processors' ids are unique per source).
      targetWhere: sql`${disputes.source} NOT IN (${PROCESSOR_SOURCES_SQL})`,
      set: {
        marketplace: keep('marketplace'),
        caseId: keep('case_id'),
        network: keep('network'),
        reasonCode: keep('reason_code'),
        reasonText: keep('reason_text'),
        reason: sql.raw('excluded.reason'),
        amountMinor: sql.raw('excluded.amount_minor'),
        currency: sql.raw('excluded.currency'),
        filedAt: sql.raw('excluded.filed_at'),
        deadline: sql.raw('excluded.deadline'),
        stage: sql`case when coalesce(array_position(${STAGES_SQL}, excluded.stage), 0) > coalesce(array_position(${STAGES_SQL}, disputes.stage), 0)
                        then excluded.stage else disputes.stage end`,
        updatedAt: now,
      },
    })
    .returning({ id: disputes.id, created: sql<boolean>`(xmax = 0)` });
  const stored = await getDispute(db, teamId, row!.id);
  return { row: stored!, created: Boolean(row!.created) };
}

export async function getDispute(db: Database, teamId: string, id: string): Promise<DisputeRow | undefined> {
  const [row] = await db
    .select()
    .from(disputes)
    .where(and(eq(disputes.teamId, teamId), eq(disputes.id, id)))
    .limit(1);
  return row;
}

export interface DisputeFilter {
  status?: DisputeStatus | undefined;
  /** Still needing the team: open or answered, no outcome yet. */
  open?: boolean | undefined;
  stage?: NonNullable<DisputeRow['stage']> | undefined;
  source?: DisputeRow['source'] | undefined;
  reasonGroup?: NonNullable<DisputeRow['reasonGroup']> | undefined;
}

/** The team's disputes, nearest deadline first (so alerts, whose windows are hours, lead when they close soonest). */
export async function listDisputes(db: Database, teamId: string, filter: DisputeFilter = {}, limit = 200): Promise<DisputeRow[]> {
  return db
    .select()
    .from(disputes)
    .where(
      and(
        eq(disputes.teamId, teamId),
        filter.status ? eq(disputes.status, filter.status) : undefined,
        filter.open ? inArray(disputes.status, ['open', 'responded']) : undefined,
        filter.stage ? eq(disputes.stage, filter.stage) : undefined,
        filter.source ? eq(disputes.source, filter.source) : undefined,
        filter.reasonGroup ? eq(disputes.reasonGroup, filter.reasonGroup) : undefined,
      ),
    )
    .orderBy(asc(disputes.deadline), asc(disputes.id))
    .limit(limit);
}

export interface StatusChange {
  status: DisputeStatus;
  outcome: 'won' | 'lost' | null;
  recoveredMinor: number | null;
  outcomeNote: string | null;
  respondedAt: Date | null;
  decidedAt: Date | null;
}

export async function updateDisputeStatus(db: Database, teamId: string, id: string, change: StatusChange, now = new Date()): Promise<void> {
  await db
    .update(disputes)
    .set({ ...change, updatedAt: now })
    .where(and(eq(disputes.teamId, teamId), eq(disputes.id, id)));
}

/** Recorded outcomes of the team's disputes for one reason: the record the recommendation leans on. */
export async function winRateFor(db: Database, teamId: string, reason: DisputeReason, excludeId?: string): Promise<{ won: number; lost: number }> {
  const rows = await db
    .select({ outcome: disputes.outcome, n: count() })
    .from(disputes)
    .where(and(eq(disputes.teamId, teamId), eq(disputes.reason, reason), excludeId ? ne(disputes.id, excludeId) : undefined))
    .groupBy(disputes.outcome);
  const of = (o: 'won' | 'lost') => Number(rows.find((r) => r.outcome === o)?.n ?? 0);
  return { won: of('won'), lost: of('lost') };
}

export interface EvidenceInput {
  key: string;
  label: string | null;
  value: string | null;
  notApplicable: boolean;
  attachmentId: string | null;
  agentId: string | null;
}

/** The agent's latest word on one checklist item replaces the earlier one. */
export async function upsertEvidence(db: Database, teamId: string, disputeId: string, input: EvidenceInput, now = new Date()): Promise<void> {
  await db
    .insert(disputeEvidence)
    .values({ teamId, disputeId, ...input, updatedAt: now })
    .onConflictDoUpdate({
      target: [disputeEvidence.teamId, disputeEvidence.disputeId, disputeEvidence.key],
      set: {
        label: sql.raw('coalesce(excluded.label, dispute_evidence.label)'),
        value: input.value,
        notApplicable: input.notApplicable,
        attachmentId: input.attachmentId,
        agentId: input.agentId,
        updatedAt: now,
      },
    });
}

export async function listEvidence(db: Database, teamId: string, disputeId: string): Promise<EvidenceRow[]> {
  return db
    .select()
    .from(disputeEvidence)
    .where(and(eq(disputeEvidence.teamId, teamId), eq(disputeEvidence.disputeId, disputeId)))
    .orderBy(asc(disputeEvidence.updatedAt));
}

/**
 * The disputes the queue shows beside the case clocks: still open (nobody has answered them) and sent by a
 * processor or alert provider, so no portal page runs a clock for them. Nearest deadline first.
 */
export async function listOpenProcessorDisputes(db: Database, teamId: string, limit: number): Promise<DisputeRow[]> {
  return db
    .select()
    .from(disputes)
    .where(and(eq(disputes.teamId, teamId), eq(disputes.status, 'open'), sql`${disputes.source} IN (${PROCESSOR_SOURCES_SQL})`))
    .orderBy(asc(disputes.deadline), asc(disputes.id))
    .limit(limit);
}

/** An order's disputes from every source: those still waiting for the team first, nearest deadline first. */
export async function listOrderDisputes(db: Database, teamId: string, orderId: string, limit = 20): Promise<DisputeRow[]> {
  return db
    .select()
    .from(disputes)
    .where(and(eq(disputes.teamId, teamId), eq(disputes.orderId, orderId)))
    .orderBy(sql`(${disputes.status} in ('open', 'responded')) desc`, asc(disputes.deadline), asc(disputes.id))
    .limit(limit);
}
