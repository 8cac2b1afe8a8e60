import { z } from 'zod';
import { Instant } from './common';

/** What a lead can do that the audit log records. */
export const AuditAction = z.enum([
  'agent.created',
  'agent.deactivated',
  'agent.reactivated',
  'token.created',
  'token.revoked',
  'fraud_matrix.saved',
  'sla_policies.saved',
  'settings.saved',
  'template.created',
  'template.updated',
  'template.archived',
  'template.unarchived',
  'processor_secret.set',
  'processor_secret.removed',
  'processor_api_key.set',
  'processor_api_key.removed',
  'handoff_team.created',
  'handoff_team.updated',
  'handoff_team.deleted',
  'sop.created',
  'sop.updated',
  'sop.proposal_accepted',
  'sop.proposal_rejected',
  'team_host.added',
  'team_host.removed',
]);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditTargetType = z.enum([
  'agent',
  'token',
  'fraud_matrix',
  'sla_policies',
  'settings',
  'template',
  'processor_secret',
  'processor_api_key',
  'handoff_team',
  'sop',
  'team_host',
]);
export type AuditTargetType = z.infer<typeof AuditTargetType>;

/** One audit row. `details` holds names and versions, never a token's secret or hash. */
export const AuditEntry = z.strictObject({
  id: z.uuid(),
  at: Instant,
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  action: AuditAction,
  targetType: AuditTargetType,
  targetId: z.string().max(200).nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** GET /v1/audit: newest first; pass `nextCursor` back as `before` for the next page. */
export const AuditQuery = z.strictObject({
  limit: z
    .string()
    .regex(/^\d{1,3}$/, 'expected a whole number')
    .refine((s) => Number(s) >= 1 && Number(s) <= 200, 'expected a number from 1 to 200')
    .optional(),
  before: z
    .string()
    .regex(/^\d{1,18}$/, 'must be a cursor from nextCursor')
    .optional(),
});
export const AuditPage = z.strictObject({
  entries: z.array(AuditEntry),
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;
