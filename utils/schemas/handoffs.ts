import { z } from 'zod';
import { CaseEvent, CaseRecord, IdempotencyKey } from './api';
import { Instant } from './common';
import { OrderId } from './fields';
import { DecisionKind, FraudIndicatorId } from './fraud';

/**
 * Hand-offs: an agent hands a case to an internal team (Logistics, Warehouse, Finance, Fraud, Care ...)
 * with a question and a due time; the team's receivers answer without the extension. What a receiver
 * sees of the order is minimised on the server (docs/decisions/0006-handoff-data-minimisation.md).
 */

/** The buyer's personal data a lead may allow a team to see; none by default. */
export const PersonalField = z.enum(['buyerName', 'buyerEmail', 'buyerPhone', 'shipTo', 'fraudEvidence']);
export type PersonalField = z.infer<typeof PersonalField>;

/** `fraud`: the team that takes escalations; its answer carries a decision on the order. */
export const HandoffTeamKind = z.enum(['general', 'fraud']);
export type HandoffTeamKind = z.infer<typeof HandoffTeamKind>;

export const HandoffTeam = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  kind: HandoffTeamKind,
  allowedFields: z.array(PersonalField),
  /** Whether the case's SLA clock pauses while waiting on this team (a marketplace deadline never does). */
  pausesSla: z.boolean(),
  /** The receivers (and other agents) who answer for this team. */
  memberIds: z.array(z.uuid()),
});
export type HandoffTeam = z.infer<typeof HandoffTeam>;
export const HandoffTeamList = z.strictObject({ teams: z.array(HandoffTeam) });

const TeamName = z.string().trim().min(1, 'a team needs a name').max(60);

export const CreateHandoffTeamBody = z.strictObject({
  name: TeamName,
  kind: HandoffTeamKind.default('general'),
  allowedFields: z.array(PersonalField).max(5).default([]),
  pausesSla: z.boolean().default(false),
  memberIds: z.array(z.uuid()).max(200).default([]),
});
export type CreateHandoffTeamBody = z.infer<typeof CreateHandoffTeamBody>;

export const UpdateHandoffTeamBody = z
  .strictObject({
    name: TeamName.optional(),
    allowedFields: z.array(PersonalField).max(5).optional(),
    pausesSla: z.boolean().optional(),
    memberIds: z.array(z.uuid()).max(200).optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'name nothing to change');
export type UpdateHandoffTeamBody = z.infer<typeof UpdateHandoffTeamBody>;

/** The fraud score and its indicators as the agent saw them, attached to an escalation. */
export const EscalationInput = z.strictObject({
  score: z.number().int().min(0).max(100),
  indicators: z
    .array(
      z.strictObject({
        indicator: FraudIndicatorId,
        label: z.string().max(200),
        points: z.number().int().min(-1000).max(1000),
        /** May name an address or an e-mail: shown only to a team allowed `fraudEvidence`. */
        evidence: z.string().max(1000).default(''),
      }),
    )
    .max(40),
});
export type EscalationInput = z.infer<typeof EscalationInput>;

export const CreateHandoffBody = z.strictObject({
  orderId: OrderId,
  /** The case in front of the agent (a message, claim or return of the order); the order's own case when absent. */
  caseId: z.uuid().optional(),
  handoffTeamId: z.uuid(),
  question: z.string().trim().min(1, 'the question cannot be empty').max(4000),
  /** Must lie in the future (checked against the server clock). */
  dueAt: Instant,
  /** Present for an escalation to a fraud team. */
  escalation: EscalationInput.optional(),
  idempotencyKey: IdempotencyKey,
  at: Instant.optional(),
});
export type CreateHandoffBody = z.infer<typeof CreateHandoffBody>;

export const HandoffStatus = z.enum(['open', 'answered']);

/** A hand-off as the agents of the team see it (the panel, the lead). */
export const Handoff = z.strictObject({
  id: z.uuid(),
  caseId: z.uuid(),
  orderId: z.string(),
  handoffTeamId: z.uuid(),
  teamName: z.string(),
  question: z.string(),
  dueAt: Instant,
  status: HandoffStatus,
  requestedBy: z.uuid().nullable(),
  requestedByName: z.string().nullable(),
  createdAt: Instant,
  answer: z.string().nullable(),
  decision: DecisionKind.nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: Instant.nullable(),
  /** Minutes from the hand-off to its answer. */
  minutesToAnswer: z.number().int().nullable(),
  /** Whether the case's SLA clock was paused for it. */
  slaPaused: z.boolean(),
  escalationScore: z.number().int().nullable(),
});
export type Handoff = z.infer<typeof Handoff>;
export const HandoffList = z.strictObject({ handoffs: z.array(Handoff) });

/** POST /v1/handoffs: 201 when written, 200 with the same body on a replay of its idempotency key. */
export const HandoffResult = z.strictObject({ case: CaseRecord, event: CaseEvent, handoff: Handoff });

/** What the receiving team sees of the order: no buyer personal data unless the team is allowed the field. */
export const ReceiverOrder = z.strictObject({
  orderId: z.string(),
  portal: z.string(),
  marketplace: z.string().nullable(),
  items: z.array(z.strictObject({ title: z.string(), sku: z.string().nullable(), quantity: z.number().int().nullable() })),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  purchasedAt: Instant.nullable(),
  shipBy: Instant.nullable(),
  deliverBy: Instant.nullable(),
  /** Only with the matching allowed field. */
  buyerName: z.string().optional(),
  buyerEmail: z.string().optional(),
  buyerPhone: z.string().optional(),
  shipTo: z.array(z.string()).optional(),
});
export type ReceiverOrder = z.infer<typeof ReceiverOrder>;

export const ReceiverHandoff = z.strictObject({
  id: z.uuid(),
  teamName: z.string(),
  teamKind: HandoffTeamKind,
  question: z.string(),
  dueAt: Instant,
  createdAt: Instant,
  status: HandoffStatus,
  answer: z.string().nullable(),
  decision: DecisionKind.nullable(),
  answeredAt: Instant.nullable(),
  order: ReceiverOrder,
  escalation: z
    .strictObject({
      score: z.number().int(),
      indicators: z.array(z.strictObject({ indicator: FraudIndicatorId, label: z.string(), points: z.number().int(), evidence: z.string().optional() })),
    })
    .nullable(),
});
export type ReceiverHandoff = z.infer<typeof ReceiverHandoff>;
export const ReceiverHandoffResult = z.strictObject({ handoff: ReceiverHandoff });
export const ReceiverHandoffList = z.strictObject({ handoffs: z.array(ReceiverHandoff) });

export const AnswerHandoffBody = z.strictObject({
  answer: z.string().trim().min(1, 'the answer cannot be empty').max(4000),
  /** Required when the hand-off went to a fraud team. */
  decision: DecisionKind.optional(),
  idempotencyKey: IdempotencyKey,
});
export type AnswerHandoffBody = z.infer<typeof AnswerHandoffBody>;

export const HandoffReportQuery = z.strictObject({ from: Instant, to: Instant });
export const HandoffReportRow = z.strictObject({
  team: z.string(),
  count: z.number().int(),
  answered: z.number().int(),
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
  overdue: z.number().int(),
});
export const HandoffReport = z.strictObject({ rows: z.array(HandoffReportRow) });
export type HandoffReport = z.infer<typeof HandoffReport>;
