import { z } from 'zod';
import { CasePortal, Instant, Money, Role } from './common';
import { AlertAction, DisputeKind, DisputeSource, DisputeStage, DisputeStatus } from './disputes';
import { DecisionKind, FraudScore } from './fraud';
import { PageContext } from './page';
import { CardNetwork, SlaSnapshot } from './sla';
import { Template } from './templates';

/** Every error the backend returns: a stable code and a human message; never a stack trace. */
export const ApiError = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    message: z.string(),
    /** For validation errors: the path of the offending field, e.g. "body.orderId". */
    field: z.string().optional(),
    /** Machine-readable detail, e.g. the current version on a 409 conflict or a list of problems. */
    details: z.unknown().optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

export const Health = z.strictObject({ ok: z.literal(true), database: z.enum(['pglite', 'postgres']), version: z.string() });

export const Agent = z.strictObject({
  id: z.uuid(),
  teamId: z.uuid(),
  name: z.string(),
  email: z.string().optional(),
  role: Role,
  createdAt: Instant,
  /** false once a lead deactivated the agent (none of their tokens works any more). */
  active: z.boolean().optional(),
});
export type Agent = z.infer<typeof Agent>;

export const Team = z.strictObject({ id: z.uuid(), name: z.string() });

export const Me = z.strictObject({ agent: Agent, team: Team });
export type Me = z.infer<typeof Me>;

export const CreateAgentBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  email: z.email().optional(),
  role: Role.default('agent'),
});

export const ApiTokenInfo = z.strictObject({
  id: z.uuid(),
  agentId: z.uuid(),
  label: z.string(),
  createdAt: Instant,
  revokedAt: Instant.nullable(),
  lastUsedAt: Instant.nullable(),
  /** When the token stops working by itself; null never. */
  expiresAt: Instant.nullable().optional(),
});

/** Returned once, when a token is created: the only time the secret is shown. */
export const CreatedToken = z.strictObject({ token: z.string(), info: ApiTokenInfo });

export const CaseKind = z.enum(['order', 'claim', 'chargeback', 'return', 'message', 'refund']);
export type CaseKind = z.infer<typeof CaseKind>;

export const CaseStatus = z.enum(['open', 'waiting', 'resolved', 'closed']);

export const CaseRecord = z.strictObject({
  id: z.uuid(),
  kind: CaseKind,
  portal: CasePortal,
  marketplace: z.string().nullable(),
  /** The case's own reference: order id, claim id, chargeback id, RMA, thread id. */
  ref: z.string(),
  orderId: z.string().nullable(),
  status: CaseStatus,
  openedAt: Instant,
  updatedAt: Instant,
  /** Latest decision on the order, if any. */
  decision: DecisionKind.nullable(),
});
export type CaseRecord = z.infer<typeof CaseRecord>;

export const EventType = z.enum(['note', 'decision', 'template_inserted', 'status', 'sla', 'created', 'handoff', 'handoff_answer']);
export type EventType = z.infer<typeof EventType>;

export const CaseEvent = z.strictObject({
  id: z.uuid(),
  caseId: z.uuid(),
  orderId: z.string().nullable(),
  type: EventType,
  agentId: z.uuid().nullable(),
  agentName: z.string().nullable(),
  /** Plain text; never rendered as HTML. */
  text: z.string(),
  decision: DecisionKind.optional(),
  data: z.record(z.string(), z.unknown()).default({}),
  createdAt: Instant,
});
export type CaseEvent = z.infer<typeof CaseEvent>;

/** Idempotency keys make replayed outbox writes count once (header `Idempotency-Key` or body). */
export const IdempotencyKey = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/);

export const AddNoteBody = z.strictObject({
  orderId: z.string().trim().min(1).max(64),
  text: z.string().trim().min(1, 'a note cannot be empty').max(5000),
  idempotencyKey: IdempotencyKey,
  /** When the agent wrote it (the outbox may deliver later). */
  at: Instant.optional(),
});
export type AddNoteBody = z.infer<typeof AddNoteBody>;

export const RecordDecisionBody = z.strictObject({
  orderId: z.string().trim().min(1).max(64),
  decision: DecisionKind,
  reason: z.string().trim().max(2000).default(''),
  idempotencyKey: IdempotencyKey,
  at: Instant.optional(),
  /** The score the agent saw when deciding, for back-testing. */
  score: z.number().int().min(0).max(100).optional(),
});
export type RecordDecisionBody = z.infer<typeof RecordDecisionBody>;

/** The one request that loads the panel: the page context in, everything the panel shows out. */
export const PanelRequest = z.strictObject({ context: PageContext });
export type PanelRequest = z.infer<typeof PanelRequest>;

/** A dispute or pre-dispute alert on the page's order, as the panel lists it (the inbox holds the rest). */
export const OrderDispute = z.strictObject({
  id: z.uuid(),
  /** The portal's, the processor's or the alert provider's own id. */
  externalId: z.string().max(200),
  kind: DisputeKind,
  source: DisputeSource,
  stage: DisputeStage.nullable(),
  status: DisputeStatus,
  network: CardNetwork.nullable(),
  reasonCode: z.string().max(40).nullable(),
  amount: Money,
  deadline: Instant,
  /** An alert's answer, once given. */
  alertAnswer: AlertAction.nullable(),
  /** What the team reports back to the alert provider for that answer (Ethoca RESOLVED ...). */
  providerOutcome: z.string().max(60).nullable(),
});
export type OrderDispute = z.infer<typeof OrderDispute>;

export const PanelData = z.strictObject({
  case: CaseRecord.nullable(),
  history: z.array(CaseEvent),
  /** The same buyer's other cases (across marketplaces), newest first. */
  buyerCases: z.array(CaseRecord),
  fraud: FraudScore.nullable(),
  sla: SlaSnapshot.nullable(),
  templates: z.array(Template),
  agent: z.strictObject({ id: z.uuid(), name: z.string(), role: Role }),
  serverTime: Instant,
  /** The order's disputes and alerts from every source, those still waiting first (nearest deadline first). */
  disputes: z.array(OrderDispute).max(20).default([]),
});
export type PanelData = z.infer<typeof PanelData>;

/** Server-sent event pushed to every agent of the team when a case changes. */
export const LiveEvent = z.strictObject({
  type: z.literal('case-event'),
  orderId: z.string().nullable(),
  caseId: z.uuid(),
  event: CaseEvent,
});
export type LiveEvent = z.infer<typeof LiveEvent>;

// ---- Responses of the write and list routes (added with the backend) ----

/** POST /v1/agents: the new agent and its first token (shown once). */
export const CreatedAgent = z.strictObject({ agent: Agent, token: CreatedToken });
export type CreatedAgent = z.infer<typeof CreatedAgent>;

export const CreateTokenBody = z.strictObject({
  label: z.string().trim().min(1).max(120).default('extension'),
  /** Optional end of life; must lie in the future (checked by the route against the server clock). */
  expiresAt: Instant.optional(),
});

/** PATCH /v1/agents/:id: a lead deactivates (or reactivates) an agent. */
export const UpdateAgentBody = z.strictObject({ active: z.boolean() });

export const DecisionRecord = z.strictObject({
  id: z.uuid(),
  orderId: z.string(),
  decision: DecisionKind,
  reason: z.string(),
  agentId: z.uuid().nullable(),
  score: z.number().int().nullable(),
  createdAt: Instant,
});
export type DecisionRecord = z.infer<typeof DecisionRecord>;

/**
 * POST /v1/notes answers 201 with this; a replay of the same idempotency key answers 200 with the
 * very same body (and the header `Idempotent-Replayed: true`).
 */
export const NoteResult = z.strictObject({ case: CaseRecord, event: CaseEvent });
export type NoteResult = z.infer<typeof NoteResult>;

/** POST /v1/decisions: same replay rules as NoteResult. */
export const DecisionResult = z.strictObject({ case: CaseRecord, event: CaseEvent, decision: DecisionRecord });
export type DecisionResult = z.infer<typeof DecisionResult>;

/** GET /v1/cases?orderId= : every case of the team on that order, newest first. */
export const CaseList = z.strictObject({ cases: z.array(CaseRecord) });
/** GET /v1/cases/:id/events : newest first. */
export const CaseEventList = z.strictObject({ events: z.array(CaseEvent) });
/** GET /v1/agents */
export const AgentList = z.strictObject({ agents: z.array(Agent) });
/** GET /v1/agents/:id/tokens (secrets are never listed). */
export const TokenList = z.strictObject({ tokens: z.array(ApiTokenInfo) });

/** POST /v1/cases/:id/status: an agent moves a case (waiting on someone, resolved, closed, reopened). */
export const CaseStatusBody = z.strictObject({
  status: CaseStatus,
  idempotencyKey: IdempotencyKey,
  at: Instant.optional(),
});
export type CaseStatusBody = z.infer<typeof CaseStatusBody>;
export const CaseStatusResult = z.strictObject({ case: CaseRecord, event: CaseEvent });
