import { z } from 'zod';
import { CasePortal, Instant, Language, Money } from '../schemas/common';
import {
  AlertAction,
  AlertKind,
  AlertRecommendation,
  Ce3Field,
  Defence,
  DefenceTemplate,
  Dispute,
  DisputeReason,
  DisputeRecommendation,
  DisputeSource,
  DisputeStage,
  DisputeStatus,
  EvidenceItem,
  EvidenceKey,
  ReasonGroup,
} from '../schemas/disputes';
import { PageContext } from '../schemas/page';
import { defineRoutes } from './types';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BASE64, MAX_ATTACHMENT_BYTES } from '../disputes/attachments';

/**
 * The disputes API's bodies and answers, shared by the backend routes (server/routes/disputes.ts) and the
 * extension (the background worker validates what it sends and what comes back).
 */

/** Files an agent may attach, by declared type; the backend checks the bytes too. */
export { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_BASE64 };
export const AttachmentContentType = z.enum(ATTACHMENT_TYPES);
export type AttachmentContentType = z.infer<typeof AttachmentContentType>;

export const DisputeFromPageBody = z.strictObject({ context: PageContext });
export type DisputeFromPageBody = z.infer<typeof DisputeFromPageBody>;

export const EvidenceBody = z
  .strictObject({
    value: z.string().trim().min(1, 'value must not be empty').max(4000).optional(),
    notApplicable: z.boolean().optional(),
    /** Needed only for an item the dispute's standard checklist does not have. */
    label: z.string().trim().min(1).max(200).optional(),
  })
  .refine((b) => (b.value !== undefined) !== (b.notApplicable === true), {
    message: 'give either a value or notApplicable: true (not both)',
    path: ['value'],
  });
export type EvidenceBody = z.infer<typeof EvidenceBody>;

export const AttachmentBody = z.strictObject({
  filename: z.string().min(1).max(200),
  contentType: AttachmentContentType,
  base64: z
    .string()
    .min(1)
    .max(MAX_ATTACHMENT_BASE64 + 4, `the file is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`),
  /** The checklist item the file is evidence for; it then counts as present. */
  evidenceKey: EvidenceKey.optional(),
});
export type AttachmentBody = z.infer<typeof AttachmentBody>;

export const AttachmentInfo = z.strictObject({
  id: z.uuid(),
  filename: z.string(),
  contentType: AttachmentContentType,
  size: z.number().int().nonnegative(),
  evidenceKey: z.string().nullable(),
  createdAt: Instant,
});
export type AttachmentInfo = z.infer<typeof AttachmentInfo>;

export const StatusBody = z.strictObject({
  status: DisputeStatus,
  /** With won: what came back (a partial win is possible); defaults to the full amount. */
  recovered: Money.optional(),
  note: z.string().trim().max(2000).optional(),
});
export type StatusBody = z.infer<typeof StatusBody>;

/** The team's answer to a pre-dispute alert. */
export const AlertDecisionBody = z.strictObject({
  action: AlertAction,
  note: z.string().trim().max(2000).optional(),
});
export type AlertDecisionBody = z.infer<typeof AlertDecisionBody>;

/** For an alert: what the engine advises from the amount, the buyer's record and the fraud score, and what was decided. */
export const AlertView = z.strictObject({
  kind: AlertKind,
  recommendation: AlertRecommendation,
  facts: z.strictObject({
    fraudScore: z.number().int().min(0).max(100).nullable(),
    shipped: z.boolean(),
    buyerOrders: z.number().int().nonnegative(),
    buyerDisputes: z.number().int().nonnegative(),
  }),
  decision: z
    .strictObject({
      action: AlertAction,
      /** What to answer the alert provider (Ethoca's outcome code, Verifi's refunded/declined); null for a processor's own warning. */
      providerOutcome: z.string().nullable(),
      decidedAt: Instant,
      /** Whether the alert later became a chargeback anyway. */
      becameChargeback: z.boolean(),
    })
    .nullable(),
});
export type AlertView = z.infer<typeof AlertView>;

/** Visa CE 3.0 judged from the team's imported payments (Visa 10.4 card disputes only). */
export const Ce3View = z.strictObject({
  /** eligible: two or more earlier payments qualify; payment_not_imported: the disputed payment is not among the team's payments. */
  status: z.enum(['eligible', 'not_eligible', 'payment_not_imported']),
  paymentRef: z.string().nullable(),
  qualifying: z.array(z.strictObject({ paymentId: z.string(), paidAt: Instant, ageDays: z.number().int(), matched: z.array(Ce3Field) })),
  rejected: z.array(z.strictObject({ paymentId: z.string(), paidAt: Instant, why: z.array(z.string()) })),
  summary: z.string(),
});
export type Ce3View = z.infer<typeof Ce3View>;

export const DisputeView = z.strictObject({
  /** The backend's id, used in every /v1/disputes/:id route. */
  id: z.uuid(),
  portal: CasePortal,
  marketplace: z.string().nullable(),
  caseId: z.uuid().nullable(),
  dispute: Dispute.omit({ evidence: true }),
  checklist: z.array(EvidenceItem),
  attachments: z.array(AttachmentInfo),
  recommendation: DisputeRecommendation,
  /** Present for a pre-dispute alert (and for a dispute that began as one). */
  alert: AlertView.optional(),
  ce3: Ce3View.optional(),
  /** The team's recorded outcomes for this reason (this dispute excluded). */
  winRate: z.strictObject({ won: z.number().int().nonnegative(), lost: z.number().int().nonnegative() }),
  /** Milliseconds to the deadline at `serverTime`; negative once it has passed. */
  timeLeftMs: z.number().int(),
  /** Labels of required items still missing. */
  missingRequired: z.array(z.string()),
  serverTime: Instant,
});
export type DisputeView = z.infer<typeof DisputeView>;

export const DisputeSummary = z.strictObject({
  id: z.uuid(),
  externalId: z.string(),
  kind: Dispute.shape.kind,
  orderId: z.string(),
  reason: DisputeReason,
  amount: Money,
  deadline: Instant,
  status: DisputeStatus,
  timeLeftMs: z.number().int(),
  source: Dispute.shape.source,
  stage: Dispute.shape.stage,
  reasonGroup: Dispute.shape.reasonGroup,
  orderMatch: Dispute.shape.orderMatch,
});
export type DisputeSummary = z.infer<typeof DisputeSummary>;
export const DisputeList = z.strictObject({ disputes: z.array(DisputeSummary) });
export type DisputeList = z.infer<typeof DisputeList>;

/** The disputes inbox's filters; `open=true` keeps what still needs the team (open or answered, no outcome yet). */
export const DisputeListQuery = z.strictObject({
  status: DisputeStatus.optional(),
  open: z.enum(['true', 'false']).optional(),
  stage: DisputeStage.optional(),
  source: DisputeSource.optional(),
  reasonGroup: ReasonGroup.optional(),
});
export type DisputeListQuery = z.infer<typeof DisputeListQuery>;

export const DefenceTemplateBody = z.strictObject({
  language: Language.default('en'),
  title: z.string().trim().min(1).max(200),
  argument: z.string().trim().min(1).max(8000),
});
export const DefenceTemplateView = z.strictObject({
  template: DefenceTemplate,
  /** True when the team has not edited this one: it is the engine's built-in text. */
  isDefault: z.boolean(),
});
export type DefenceTemplateView = z.infer<typeof DefenceTemplateView>;

const IdParams = z.strictObject({ id: z.uuid() });
const ReasonParams = z.strictObject({ reason: DisputeReason });
export const DefenceQuery = z.strictObject({ maxLength: z.coerce.number().int().min(200).max(20_000).optional() });

const DISPUTE = '/v1/disputes/:id';
const DEFENCE_TEMPLATE = '/v1/defence-templates/:reason';

/**
 * Disputes: cases, evidence, defence documents. The panel's calls go through the worker by id; those marked
 * `pages` extension pages may call by id too.
 */
export const DISPUTE_ROUTES = defineRoutes({
  'disputes.fromPage': {
    method: 'POST',
    path: '/v1/disputes/from-page',
    summary: 'Open (201) or refresh (200) the dispute of a chargeback or claim page',
    body: DisputeFromPageBody,
    response: DisputeView,
    success: [200, 201],
  },
  'disputes.list': { method: 'GET', path: '/v1/disputes', summary: "The team's disputes", query: DisputeListQuery, response: DisputeList, pages: true },
  'disputes.get': {
    method: 'GET',
    path: DISPUTE,
    summary: 'One dispute with its checklist, attachments and recommendation',
    params: IdParams,
    response: DisputeView,
    pages: true,
  },
  'disputes.evidence': {
    method: 'PUT',
    path: '/v1/disputes/:id/evidence/:key',
    summary: 'Record a piece of evidence (or mark it not applicable)',
    params: z.strictObject({ id: z.uuid(), key: EvidenceKey.max(60) }),
    body: EvidenceBody,
    response: DisputeView,
  },
  'disputes.page': {
    method: 'GET',
    path: '/disputes',
    summary: 'The disputes inbox as a page served by the backend (for agents and leads without the extension)',
    access: 'public',
    produces: 'text/html',
    hide: true,
  },
  'disputes.alertDecision': {
    method: 'POST',
    path: '/v1/disputes/:id/alert-decision',
    summary: 'Answer a pre-dispute alert: refund, stop the shipment, or let it go',
    params: IdParams,
    body: AlertDecisionBody,
    response: DisputeView,
    errors: [409],
    pages: true,
  },
  'disputes.status': {
    method: 'POST',
    path: '/v1/disputes/:id/status',
    summary: "Change a dispute's status or record its outcome",
    params: IdParams,
    body: StatusBody,
    response: DisputeView,
    pages: true,
  },
  'disputes.defencePdf': {
    method: 'GET',
    path: '/v1/disputes/:id/defence.pdf',
    summary: 'The defence document as PDF',
    params: IdParams,
    produces: 'application/pdf',
    errors: [503],
  },
  'disputes.defence': {
    method: 'GET',
    path: '/v1/disputes/:id/defence',
    summary: 'The defence as data: text within maxLength, its sections and warnings',
    params: IdParams,
    query: DefenceQuery,
    response: Defence,
  },
  'disputes.defenceText': {
    method: 'GET',
    path: '/v1/disputes/:id/defence.txt',
    summary: 'The defence as plain text (for A-to-z claims)',
    params: IdParams,
    query: DefenceQuery,
    produces: 'text/plain',
  },
  'disputes.attach': {
    method: 'POST',
    path: '/v1/disputes/:id/attachments',
    summary: 'Attach a file (base64, up to 5 MB) to a dispute',
    params: IdParams,
    body: AttachmentBody,
    response: DisputeView,
    success: [201],
  },
  'disputes.attachment': {
    method: 'GET',
    path: '/v1/disputes/:id/attachments/:attachmentId',
    summary: "An attachment's bytes, as its stored type",
    params: z.strictObject({ id: z.uuid(), attachmentId: z.uuid() }),
    produces: 'application/octet-stream',
  },
  'defenceTemplates.get': {
    method: 'GET',
    path: DEFENCE_TEMPLATE,
    summary: "The team's defence template for a reason (the built-in one until edited)",
    params: ReasonParams,
    query: z.strictObject({ language: Language.optional() }),
    response: DefenceTemplateView,
    pages: true,
  },
  'defenceTemplates.put': {
    method: 'PUT',
    path: DEFENCE_TEMPLATE,
    summary: "Save the team's defence template for a reason",
    access: 'lead',
    params: ReasonParams,
    body: DefenceTemplateBody,
    response: DefenceTemplateView,
    pages: true,
  },
});
