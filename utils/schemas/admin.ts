import { z } from 'zod';
import { CaseEvent, CaseRecord, IdempotencyKey } from './api';
import { Instant, Language, Money, PageKind } from './common';
import { DisputeSource, DisputeStage, ReasonGroup } from './disputes';
import { INT32_MAX } from './fields';
import { FraudMatrix, Recommendation } from './fraud';
import { CardNetwork, SlaPolicySet, SlaSnapshot, SlaState } from './sla';
import { LintFinding, Template, TemplateScope } from './templates';

/**
 * Lead tools, the template library and the queue (issues 4, 5, 6): bodies and answers of the routes in
 * utils/api-routes/admin.ts. Versioned documents (templates, fraud matrix, SLA policies) use optimistic
 * locking: the client sends the version it read as `expectedVersion`; when someone saved first the answer
 * is 409 `version_conflict` with `error.details.current` (the client keeps its draft).
 */

const BoolString = z.enum(['true', 'false']);
/** A positive whole number in a query string ("30"), within bounds. */
const IntString = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, 'expected a whole number')
    .refine((s) => Number(s) >= min && Number(s) <= max, `expected a number from ${min} to ${max}`);

// ---- Templates ---------------------------------------------------------------------------

export const TemplateInput = z.strictObject({
  title: z.string().trim().min(1, 'a template needs a title').max(200),
  body: z.string().min(1, 'a template needs a body').max(10_000),
  language: Language,
  /** Marketplace codes (DE, US, ZALANDO-DE ...); empty = any. */
  marketplaces: z.array(z.string().trim().min(1).max(20)).max(50).default([]),
  pageKinds: z.array(PageKind).max(8).default([]),
  shortcut: z.string().trim().min(1).max(40).optional(),
  /** Team templates are for everyone and only leads create or edit them; personal ones are the owner's. */
  scope: TemplateScope,
});
export type TemplateInput = z.infer<typeof TemplateInput>;
export type TemplateInputIn = z.input<typeof TemplateInput>;

export const TemplateUpdate = TemplateInput.extend({ expectedVersion: z.number().int().positive().max(INT32_MAX, 'no such version') });
export type TemplateUpdate = z.infer<typeof TemplateUpdate>;

export const TemplateListQuery = z.strictObject({ includeArchived: BoolString.optional() });

export const TemplateList = z.strictObject({ templates: z.array(Template) });
export type TemplateList = z.infer<typeof TemplateList>;

/** POST and PUT answer: the saved template and lint warnings (they flag, they do not block saving). */
export const TemplateSaved = z.strictObject({ template: Template, warnings: z.array(LintFinding) });
export type TemplateSaved = z.infer<typeof TemplateSaved>;

export const TemplateVersionEntry = z.strictObject({
  version: z.number().int().positive(),
  title: z.string(),
  body: z.string(),
  updatedAt: Instant,
  /** Name of the agent who wrote this version; null when unknown or deleted. */
  updatedBy: z.string().nullable(),
});
/** GET /v1/templates/:id/versions: the current version first, then every earlier one. */
export const TemplateVersionList = z.strictObject({ versions: z.array(TemplateVersionEntry) });
export type TemplateVersionList = z.infer<typeof TemplateVersionList>;

/** POST /v1/template-insertions (the extension's outbox): logs an insertion in the order's history. */
export const TemplateInsertionBody = z.strictObject({
  orderId: z.string().trim().min(1).max(64),
  templateId: z.uuid(),
  templateVersion: z.number().int().positive().max(INT32_MAX, 'no such version'),
  idempotencyKey: IdempotencyKey,
  at: Instant.optional(),
});
export type TemplateInsertionBody = z.infer<typeof TemplateInsertionBody>;
export const TemplateInsertionResult = z.strictObject({ case: CaseRecord, event: CaseEvent });
export type TemplateInsertionResult = z.infer<typeof TemplateInsertionResult>;

export const TemplateUsageQuery = z.strictObject({ days: IntString(1, 365).optional() });

const DecisionCounts = z.strictObject({ hold: z.number().int(), release: z.number().int(), fraud: z.number().int() });
const StatusCounts = z.strictObject({ open: z.number().int(), waiting: z.number().int(), resolved: z.number().int(), closed: z.number().int() });

export const TemplateUsageEntry = z.strictObject({
  templateId: z.uuid(),
  title: z.string(),
  scope: TemplateScope,
  archived: z.boolean(),
  insertions: z.number().int().min(0),
  /** Distinct cases it was inserted into. */
  cases: z.number().int().min(0),
  lastInsertedAt: Instant.nullable(),
  /** What those cases are now. */
  caseStatus: StatusCounts,
  /** Decisions recorded on those orders after an insertion (each decision counted once). */
  decisionsAfter: DecisionCounts,
});
export type TemplateUsageEntry = z.infer<typeof TemplateUsageEntry>;
/** GET /v1/templates/usage?days=30 (lead): every template of the team, most inserted first. */
export const TemplateUsageReport = z.strictObject({ days: z.number().int(), from: Instant, templates: z.array(TemplateUsageEntry) });
export type TemplateUsageReport = z.infer<typeof TemplateUsageReport>;

// ---- Fraud matrix -------------------------------------------------------------------------

/** Version 0 with the engine's default matrix means the team never saved one. */
export const FraudMatrixView = z.strictObject({
  matrix: FraudMatrix,
  version: z.number().int().min(0),
  updatedAt: Instant.nullable(),
  updatedBy: z.string().nullable(),
});
export type FraudMatrixView = z.infer<typeof FraudMatrixView>;

/** `matrix` is checked by utils/fraud/matrix.ts (400 `invalid_matrix`, details.errors); its `version` is set by the server. */
export const FraudMatrixPut = z.strictObject({ matrix: z.unknown(), expectedVersion: z.number().int().min(0).max(INT32_MAX, 'no such version') });
export type FraudMatrixPut = z.infer<typeof FraudMatrixPut>;

/** error.details of 400 invalid_matrix / invalid_policies. */
export const ValidationProblems = z.strictObject({ errors: z.array(z.strictObject({ path: z.string(), message: z.string() })) });

export const BacktestBody = z.strictObject({ matrix: z.unknown(), days: z.number().int().min(1).max(730).default(180) });
export type BacktestBody = z.infer<typeof BacktestBody>;

const Row = z.strictObject({ hold: z.number().int(), release: z.number().int(), fraud: z.number().int() });
/** Rows: what the matrix recommends; columns: what the agents decided (utils/fraud/backtest.ts). */
export const ConfusionMatrix = z.strictObject({ release: Row, review: Row, hold: Row });
export const BacktestRates = z.strictObject({
  fraudCaught: z.number().int(),
  fraudReleased: z.number().int(),
  goodHeld: z.number().int(),
  sentToAgents: z.number().int(),
});
export const BacktestMove = z.strictObject({ from: Recommendation, to: Recommendation, count: z.number().int(), examples: z.array(z.string()) });

/** POST /v1/fraud/backtest: the engine's result on the team's decided orders of the last `days` days. */
export const BacktestReport = z.strictObject({
  days: z.number().int(),
  from: Instant,
  /** The stored matrix version compared against (0 = default). */
  currentVersion: z.number().int().min(0),
  total: z.number().int(),
  confusion: ConfusionMatrix,
  currentConfusion: ConfusionMatrix,
  proposed: BacktestRates,
  current: BacktestRates,
  moves: z.array(BacktestMove),
  unchanged: z.number().int(),
  /** Decided orders left out because nothing of the order was stored (no page was ever opened). */
  skipped: z.number().int(),
});
export type BacktestReport = z.infer<typeof BacktestReport>;

// ---- SLA policies and case clocks ---------------------------------------------------------

/** With no saved policies, the defaults are shown with their own version (1). */
export const SlaPoliciesView = z.strictObject({
  policies: SlaPolicySet,
  version: z.number().int().min(1),
  updatedAt: Instant.nullable(),
  updatedBy: z.string().nullable(),
});
export type SlaPoliciesView = z.infer<typeof SlaPoliciesView>;

/** `policies` is checked by utils/sla/policies.ts (400 `invalid_policies`); its `version` is set by the server. */
export const SlaPoliciesPut = z.strictObject({
  policies: z.unknown(),
  expectedVersion: z.number().int().min(1).max(INT32_MAX, 'no such version'),
  applyToOpenCases: z.boolean(),
});
export type SlaPoliciesPut = z.infer<typeof SlaPoliciesPut>;

export const SlaPoliciesSaved = SlaPoliciesView.extend({
  /** Open cases whose deadline was recomputed under the new version (0 unless applyToOpenCases). */
  recomputedCases: z.number().int().min(0),
});
export type SlaPoliciesSaved = z.infer<typeof SlaPoliciesSaved>;

export const SlaAction = z.enum(['pause', 'resume', 'no_response_needed']);
export const SlaActionBody = z.strictObject({
  action: SlaAction,
  /** Why the clock stops: waiting for the buyer or for the carrier. */
  reason: z.enum(['buyer', 'carrier']).optional(),
  idempotencyKey: IdempotencyKey,
  at: Instant.optional(),
});
export type SlaActionBody = z.infer<typeof SlaActionBody>;
/** POST /v1/cases/:id/sla: the `sla` event and the clock as it now stands (null: no response needed). */
export const SlaActionResult = z.strictObject({ case: CaseRecord, event: CaseEvent, sla: SlaSnapshot.nullable() });
export type SlaActionResult = z.infer<typeof SlaActionResult>;

// ---- Settings ---------------------------------------------------------------------------------------

export const TeamSettingsView = z.strictObject({
  /** Days to keep buyers' personal data; null keeps it until a lead sets a period. */
  retentionDays: z.number().int().min(1).max(3650).nullable(),
  defaultLanguage: Language,
  /** Default for how long before a deadline agents are reminded. */
  notifyLeadMinutes: z.number().int().min(0).max(10_080),
  /** Default fraction of the window left at which a clock turns to warning. */
  warningFraction: z.number().min(0).max(1),
});
export type TeamSettingsView = z.infer<typeof TeamSettingsView>;

// ---- Queue --------------------------------------------------------------------------------

export const QueueQuery = z.strictObject({ limit: IntString(1, 200).optional() });

export const QueueDispute = z.strictObject({
  id: z.uuid(),
  source: DisputeSource,
  stage: DisputeStage.nullable(),
  network: CardNetwork.nullable(),
  reasonGroup: ReasonGroup.nullable(),
  amount: Money,
  /** No order of the team's was found for it yet: the row's order id is the processor's payment reference. */
  unmatched: z.boolean(),
});
export type QueueDispute = z.infer<typeof QueueDispute>;

export const QueueItem = z.strictObject({
  case: CaseRecord,
  sla: SlaSnapshot,
  /** e.g. "Buyer message reply · 302-1234567-1234567". */
  title: z.string(),
  /** Where to open the case in the portal; null when no page is known. */
  url: z.string().nullable(),
  state: SlaState,
  /** Time left (ms); 0 when breached (see overdue order: most overdue first). */
  remainingMs: z.number().int(),
  /** Who the case is about, as the portal showed them; null when unknown or removed by retention. */
  buyerName: z.string().max(500).nullable().default(null),
  /**
   * A card dispute or pre-dispute alert a processor or alert provider sent (no portal page shows it):
   * the row opens it in the disputes inbox, and its clock is the dispute's own deadline.
   */
  dispute: QueueDispute.nullable().default(null),
});
export type QueueItem = z.infer<typeof QueueItem>;
/** GET /v1/queue: open cases with a running clock, least time left first (breached, most overdue first). */
export const QueueList = z.strictObject({ items: z.array(QueueItem), serverTime: Instant });
export type QueueList = z.infer<typeof QueueList>;
