import { and, asc, eq, sql } from 'drizzle-orm';
import type { Language } from '../../utils/schemas/common';
import type { Database } from '../db/open';
import { defenceTemplates, disputeAttachments } from '../db/schema-disputes';

/** Attachments of disputes and the team's defence templates. */

export type AttachmentRow = typeof disputeAttachments.$inferSelect;
export type AttachmentMeta = Omit<AttachmentRow, 'contentBase64' | 'teamId'>;
export type DefenceTemplateRow = typeof defenceTemplates.$inferSelect;

const metaColumns = {
  id: disputeAttachments.id,
  disputeId: disputeAttachments.disputeId,
  evidenceKey: disputeAttachments.evidenceKey,
  filename: disputeAttachments.filename,
  contentType: disputeAttachments.contentType,
  size: disputeAttachments.size,
  sha256: disputeAttachments.sha256,
  agentId: disputeAttachments.agentId,
  createdAt: disputeAttachments.createdAt,
};

export interface NewAttachment {
  evidenceKey: string | null;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  contentBase64: string;
  agentId: string | null;
}

export async function insertAttachment(db: Database, teamId: string, disputeId: string, input: NewAttachment, now = new Date()): Promise<AttachmentMeta> {
  const [row] = await db
    .insert(disputeAttachments)
    .values({ teamId, disputeId, ...input, createdAt: now })
    .returning(metaColumns);
  return row!;
}

export async function listAttachments(db: Database, teamId: string, disputeId: string): Promise<AttachmentMeta[]> {
  return db
    .select(metaColumns)
    .from(disputeAttachments)
    .where(and(eq(disputeAttachments.teamId, teamId), eq(disputeAttachments.disputeId, disputeId)))
    .orderBy(asc(disputeAttachments.createdAt), asc(disputeAttachments.id));
}

/** One file with its content, only when it belongs to this team's dispute. */
export async function getAttachment(db: Database, teamId: string, disputeId: string, id: string): Promise<AttachmentRow | undefined> {
  const [row] = await db
    .select()
    .from(disputeAttachments)
    .where(and(eq(disputeAttachments.teamId, teamId), eq(disputeAttachments.disputeId, disputeId), eq(disputeAttachments.id, id)))
    .limit(1);
  return row;
}

export async function findDefenceTemplate(db: Database, teamId: string, reason: string, language: Language): Promise<DefenceTemplateRow | undefined> {
  const [row] = await db
    .select()
    .from(defenceTemplates)
    .where(and(eq(defenceTemplates.teamId, teamId), eq(defenceTemplates.reason, reason), eq(defenceTemplates.language, language)))
    .limit(1);
  return row;
}

/** Saves a team's template; every save bumps its version. */
export async function saveDefenceTemplate(
  db: Database,
  teamId: string,
  input: { reason: string; language: Language; title: string; argument: string; updatedBy: string },
  now = new Date(),
): Promise<DefenceTemplateRow> {
  const [row] = await db
    .insert(defenceTemplates)
    .values({ teamId, ...input, version: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: [defenceTemplates.teamId, defenceTemplates.reason, defenceTemplates.language],
      set: { title: input.title, argument: input.argument, updatedBy: input.updatedBy, updatedAt: now, version: sql`${defenceTemplates.version} + 1` },
    })
    .returning();
  return row!;
}
