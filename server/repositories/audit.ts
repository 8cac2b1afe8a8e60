import { and, desc, eq, lt } from 'drizzle-orm';
import type { AuditAction, AuditEntry, AuditTargetType } from '../../utils/schemas/audit';
import type { Database } from '../db/open';
import { agents } from '../db/schema';
import { auditLog } from '../db/schema-audit';

export interface AuditRecord {
  teamId: string;
  actorId: string | null;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId?: string | null;
  details?: Record<string, unknown>;
}

/** Appends one row; call it inside the change's own transaction so both commit or neither does. */
export async function recordAudit(db: Database, entry: AuditRecord): Promise<void> {
  await db.insert(auditLog).values({
    teamId: entry.teamId,
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
  });
}

/**
 * One page of the team's audit log, newest first. The cursor is the `seq` of the last row shown, so a
 * page never repeats or skips rows written while the lead is paging.
 */
export async function listAudit(
  db: Database,
  teamId: string,
  opts: { limit: number; before?: number },
): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  const rows = await db
    .select({ row: auditLog, actorName: agents.name })
    .from(auditLog)
    .leftJoin(agents, eq(agents.id, auditLog.actorId))
    .where(and(eq(auditLog.teamId, teamId), opts.before === undefined ? undefined : lt(auditLog.seq, opts.before)))
    .orderBy(desc(auditLog.seq))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  return {
    entries: page.map(({ row, actorName }) => ({
      id: row.id,
      at: row.createdAt.toISOString(),
      actorId: row.actorId,
      actorName: actorName ?? null,
      action: row.action as AuditAction,
      targetType: row.targetType as AuditTargetType,
      targetId: row.targetId,
      details: row.details,
    })),
    nextCursor: rows.length > opts.limit ? String(page[page.length - 1]!.row.seq) : null,
  };
}
