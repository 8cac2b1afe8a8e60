import { and, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Language } from '../../utils/schemas/common';
import type { Sop, SopBodies, SopProposal, SopTags } from '../../utils/schemas/sops';
import type { Database } from '../db/open';
import { agents } from '../db/schema';
import { disputes } from '../db/schema-disputes';
import { sopProposals, sops, sopVersions, sopViews } from '../db/schema-sops';

/** All SQL of SOPs, their versions, proposals and views. Every query is scoped by the caller's team. */

type SopRow = typeof sops.$inferSelect;

function toSop(row: SopRow, updatedBy: string | null): Sop {
  return {
    id: row.id,
    title: row.title,
    defaultLanguage: row.defaultLanguage as Language,
    bodies: row.bodies,
    tags: row.tags,
    version: row.version,
    reviewedAt: row.reviewedAt.toISOString(),
    archived: row.archived,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy,
  };
}

const editor = alias(agents, 'sop_editor');

async function withEditors(db: Database, teamId: string, where: ReturnType<typeof and>): Promise<Sop[]> {
  const rows = await db
    .select({ sop: sops, editor: editor.name })
    .from(sops)
    .leftJoin(editor, eq(editor.id, sops.updatedBy))
    .where(and(eq(sops.teamId, teamId), where))
    .orderBy(sops.title);
  return rows.map((r) => toSop(r.sop, r.editor));
}

export function listSops(db: Database, teamId: string, includeArchived: boolean): Promise<Sop[]> {
  return withEditors(db, teamId, includeArchived ? undefined : eq(sops.archived, false));
}

export async function getSop(db: Database, teamId: string, id: string): Promise<Sop | undefined> {
  return (await withEditors(db, teamId, eq(sops.id, id)))[0];
}

export interface SopChange {
  title: string;
  defaultLanguage: Language;
  bodies: SopBodies;
  tags: SopTags;
}

export async function insertSop(db: Database, teamId: string, change: SopChange, by: string, now = new Date()): Promise<string> {
  const [row] = await db
    .insert(sops)
    .values({ teamId, ...change, version: 1, reviewedAt: now, updatedAt: now, updatedBy: by })
    .returning({ id: sops.id });
  return row!.id;
}

/**
 * Saves a new version when the caller edited the current one; otherwise answers with the current one
 * (the caller's text is not saved and stays in their editor). The old version is kept in sop_versions.
 * `archived` alone does not make a new version. A new version counts as reviewed now.
 */
export async function saveSopVersion(
  db: Database,
  teamId: string,
  id: string,
  expectedVersion: number,
  change: SopChange & { archived?: boolean },
  by: string,
  now = new Date(),
): Promise<'saved' | 'conflict' | undefined> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(sops)
      .where(and(eq(sops.teamId, teamId), eq(sops.id, id)))
      .for('update')
      .limit(1);
    if (!current) return undefined;
    if (current.version !== expectedVersion) return 'conflict';
    await tx.insert(sopVersions).values({
      teamId,
      sopId: id,
      version: current.version,
      title: current.title,
      bodies: current.bodies,
      updatedAt: current.updatedAt,
      updatedBy: current.updatedBy,
    });
    await tx
      .update(sops)
      .set({ ...change, version: current.version + 1, updatedAt: now, reviewedAt: now, updatedBy: by })
      .where(and(eq(sops.teamId, teamId), eq(sops.id, id)));
    return 'saved';
  });
}

/** A lead confirms the SOP is still right: the reviewed date moves, the version does not. */
export async function markSopReviewed(
  db: Database,
  teamId: string,
  id: string,
  expectedVersion: number,
  now = new Date(),
): Promise<'saved' | 'conflict' | undefined> {
  const [row] = await db
    .update(sops)
    .set({ reviewedAt: now })
    .where(and(eq(sops.teamId, teamId), eq(sops.id, id), eq(sops.version, expectedVersion)))
    .returning({ id: sops.id });
  if (row) return 'saved';
  return (await getSop(db, teamId, id)) ? 'conflict' : undefined;
}

export async function listSopVersions(db: Database, teamId: string, id: string) {
  const rows = await db
    .select({ v: sopVersions, editor: editor.name })
    .from(sopVersions)
    .leftJoin(editor, eq(editor.id, sopVersions.updatedBy))
    .where(and(eq(sopVersions.teamId, teamId), eq(sopVersions.sopId, id)))
    .orderBy(desc(sopVersions.version));
  return rows.map((r) => ({ version: r.v.version, title: r.v.title, bodies: r.v.bodies, updatedAt: r.v.updatedAt.toISOString(), updatedBy: r.editor }));
}

/** The reasons (group, reason and raw code) of the team's stored disputes on one order. */
export async function disputeReasonsOfOrder(db: Database, teamId: string, orderId: string): Promise<string[]> {
  const rows = await db
    .select({ reason: disputes.reason, group: disputes.reasonGroup, code: disputes.reasonCode })
    .from(disputes)
    .where(and(eq(disputes.teamId, teamId), eq(disputes.orderId, orderId)))
    .limit(20);
  return rows.flatMap((r) => [r.reason, r.group, r.code].filter((v): v is string => typeof v === 'string' && v.length > 0));
}

// --- proposals ---

const author = alias(agents, 'sop_author');
const decider = alias(agents, 'sop_decider');

function proposalQuery(db: Database) {
  return db
    .select({ p: sopProposals, title: sops.title, author: author.name, decider: decider.name })
    .from(sopProposals)
    .innerJoin(sops, eq(sops.id, sopProposals.sopId))
    .leftJoin(author, eq(author.id, sopProposals.authorId))
    .leftJoin(decider, eq(decider.id, sopProposals.decidedBy));
}

type ProposalJoin = Awaited<ReturnType<ReturnType<typeof proposalQuery>['where']>>[number];

function toProposal(r: ProposalJoin): SopProposal {
  return {
    id: r.p.id,
    sopId: r.p.sopId,
    sopTitle: r.title,
    authorId: r.p.authorId ?? '00000000-0000-4000-8000-000000000000',
    authorName: r.author ?? '',
    language: r.p.language as Language,
    baseVersion: r.p.baseVersion,
    body: r.p.body,
    note: r.p.note,
    status: r.p.status,
    acceptedVersion: r.p.acceptedVersion,
    decidedBy: r.decider,
    decidedAt: r.p.decidedAt?.toISOString() ?? null,
    createdAt: r.p.createdAt.toISOString(),
  };
}

export async function getProposal(db: Database, teamId: string, id: string): Promise<SopProposal | undefined> {
  const [row] = await proposalQuery(db).where(and(eq(sopProposals.teamId, teamId), eq(sopProposals.id, id)));
  return row && toProposal(row);
}

export async function listProposals(
  db: Database,
  teamId: string,
  filter: { status?: SopProposal['status']; authorId?: string; sopIds?: string[] },
  limit = 200,
) {
  if (filter.sopIds && filter.sopIds.length === 0) return [];
  const rows = await proposalQuery(db)
    .where(
      and(
        eq(sopProposals.teamId, teamId),
        filter.status ? eq(sopProposals.status, filter.status) : undefined,
        filter.authorId ? eq(sopProposals.authorId, filter.authorId) : undefined,
        filter.sopIds ? inArray(sopProposals.sopId, filter.sopIds) : undefined,
      ),
    )
    .orderBy(desc(sopProposals.createdAt))
    .limit(limit);
  return rows.map(toProposal);
}

export interface NewProposal {
  sopId: string;
  authorId: string;
  language: Language;
  baseVersion: number;
  body: string;
  note: string;
  idempotencyKey: string;
  createdAt: Date;
}

/** Inserts the proposal once per idempotency key; a replay finds the first one. */
export async function insertProposal(db: Database, teamId: string, p: NewProposal): Promise<{ id: string; replayed: boolean; sameWrite: boolean }> {
  const [row] = await db
    .insert(sopProposals)
    .values({ teamId, ...p })
    .onConflictDoNothing({ target: [sopProposals.teamId, sopProposals.idempotencyKey] })
    .returning({ id: sopProposals.id });
  if (row) return { id: row.id, replayed: false, sameWrite: true };
  const [first] = await db
    .select()
    .from(sopProposals)
    .where(and(eq(sopProposals.teamId, teamId), eq(sopProposals.idempotencyKey, p.idempotencyKey)));
  const sameWrite = first!.sopId === p.sopId && first!.authorId === p.authorId && first!.body === p.body && first!.language === p.language;
  return { id: first!.id, replayed: true, sameWrite };
}

/** Marks a pending proposal decided; false when someone decided it first. */
export async function decideProposal(
  db: Database,
  teamId: string,
  id: string,
  outcome: { status: 'accepted' | 'rejected'; by: string; acceptedVersion?: number },
  now = new Date(),
): Promise<boolean> {
  const rows = await db
    .update(sopProposals)
    .set({ status: outcome.status, decidedBy: outcome.by, decidedAt: now, acceptedVersion: outcome.acceptedVersion ?? null })
    .where(and(eq(sopProposals.teamId, teamId), eq(sopProposals.id, id), eq(sopProposals.status, 'pending')))
    .returning({ id: sopProposals.id });
  return rows.length > 0;
}

// --- views and the report ---

/** One view per SOP, agent, case and UTC day; true when this one was new. */
export async function recordView(
  db: Database,
  teamId: string,
  v: { sopId: string; agentId: string; caseRef: string; caseKind: string; at: Date },
): Promise<boolean> {
  const rows = await db
    .insert(sopViews)
    .values({ teamId, sopId: v.sopId, agentId: v.agentId, caseRef: v.caseRef, caseKind: v.caseKind, day: v.at.toISOString().slice(0, 10), createdAt: v.at })
    .onConflictDoNothing()
    .returning({ id: sopViews.id });
  return rows.length > 0;
}

export async function sopReportSince(db: Database, teamId: string, from: Date, to: Date) {
  const byKind = await db
    .select({
      caseKind: sopViews.caseKind,
      views: sql<number>`count(*)::int`,
      sops: sql<number>`count(distinct ${sopViews.sopId})::int`,
      agents: sql<number>`count(distinct ${sopViews.agentId})::int`,
    })
    .from(sopViews)
    .where(and(eq(sopViews.teamId, teamId), gte(sopViews.createdAt, from), lt(sopViews.createdAt, to)))
    .groupBy(sopViews.caseKind)
    .orderBy(desc(sql`count(*)`), sopViews.caseKind);
  const proposals = await db
    .select({ status: sopProposals.status, n: sql<number>`count(*)::int` })
    .from(sopProposals)
    .where(and(eq(sopProposals.teamId, teamId), gte(sopProposals.createdAt, from), lt(sopProposals.createdAt, to)))
    .groupBy(sopProposals.status);
  const views = await db
    .select({ sopId: sopViews.sopId, n: sql<number>`count(*)::int` })
    .from(sopViews)
    .where(and(eq(sopViews.teamId, teamId), gte(sopViews.createdAt, from), lt(sopViews.createdAt, to)))
    .groupBy(sopViews.sopId);
  const accepted = await db
    .select({ sopId: sopProposals.sopId, n: sql<number>`count(*)::int` })
    .from(sopProposals)
    .where(and(eq(sopProposals.teamId, teamId), eq(sopProposals.status, 'accepted'), gte(sopProposals.decidedAt, from), lt(sopProposals.decidedAt, to)))
    .groupBy(sopProposals.sopId);
  return { byKind, proposals, views, accepted };
}
