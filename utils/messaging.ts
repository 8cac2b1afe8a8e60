import { z } from 'zod';
import { SubmitBody } from './api-routes/processors';
import type { ResponseMap } from '@/entrypoints/background/handlers';
import { DisputeStatus } from './schemas/disputes';
import { DecisionKind } from './schemas/fraud';
import { IdempotencyKey, LiveEvent, PanelData } from './schemas/api';
import { PageContext } from './schemas/page';
import { Instant, Language, PortalId } from './schemas/common';
import { EscalationInput } from './schemas/handoffs';
import { HostName } from './portals/team-hosts';
import { AttachmentContentType, MAX_ATTACHMENT_BASE64 } from './api-routes/disputes';
import { EvidenceKey } from './schemas/disputes';
import { PANEL_SECTION_NAMES } from './content/sections/names';
import { SopBody, SopMatchQuery } from './schemas/sops';
import { CaseKind } from './schemas/api';

/**
 * Every message that crosses extension contexts, as one discriminated union (STYLE.md rule 5).
 * Receivers `safeParse` on receipt and check the sender; errors come back as data, never as throws.
 * Content scripts can ask for panel data and queue writes; they never see the token or the backend URL.
 */
const OrderRef = z.string().trim().min(1).max(64);

export const ContentRequest = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('panel:cached'), context: PageContext }),
  z.strictObject({ type: z.literal('panel:load'), context: PageContext }),
  z.strictObject({
    type: z.literal('decision:record'),
    orderId: OrderRef,
    decision: DecisionKind,
    reason: z.string().max(2000).default(''),
    score: z.number().int().min(0).max(100).optional(),
  }),
  z.strictObject({ type: z.literal('note:add'), orderId: OrderRef, text: z.string().trim().min(1).max(5000) }),
  z.strictObject({
    type: z.literal('template:inserted'),
    orderId: OrderRef,
    templateId: z.uuid(),
    templateVersion: z.number().int().positive(),
    templateTitle: z.string().max(200),
  }),
  z.strictObject({ type: z.literal('case:status'), caseId: z.uuid(), orderId: OrderRef.optional(), status: z.enum(['open', 'waiting', 'resolved', 'closed']) }),
  z.strictObject({
    type: z.literal('case:sla'),
    caseId: z.uuid(),
    orderId: OrderRef.optional(),
    action: z.enum(['pause', 'resume', 'no_response_needed']),
    reason: z.enum(['buyer', 'carrier']).optional(),
  }),
  z.strictObject({ type: z.literal('status:get') }),
  z.strictObject({ type: z.literal('options:open') }),
  /** The panel's list of the order's disputes: open one in the disputes inbox (an extension page). */
  z.strictObject({ type: z.literal('inbox:open'), disputeId: z.uuid() }),
  /** The detector found a work page: load the portal's panel script into the sender's frame. */
  z.strictObject({ type: z.literal('panel:inject'), portal: PortalId }),
  /** The open panel shows a lazily loaded section: load its script into the sender's frame (utils/content/sections). */
  z.strictObject({ type: z.literal('panel:section'), section: z.enum(PANEL_SECTION_NAMES) }),
  // Disputes (chargeback and A-to-z claim pages): answered at once, not queued, since the panel shows the result.
  z.strictObject({ type: z.literal('dispute:load'), context: PageContext }),
  z.strictObject({
    type: z.literal('dispute:evidence'),
    disputeId: z.uuid(),
    key: EvidenceKey.max(60),
    value: z.string().trim().min(1).max(4000).optional(),
    notApplicable: z.literal(true).optional(),
  }),
  z.strictObject({
    type: z.literal('dispute:attach'),
    disputeId: z.uuid(),
    key: EvidenceKey.max(60),
    filename: z.string().min(1).max(200),
    contentType: AttachmentContentType,
    base64: z
      .string()
      .min(1)
      .max(MAX_ATTACHMENT_BASE64 + 4),
  }),
  z.strictObject({ type: z.literal('dispute:defencePdf'), disputeId: z.uuid() }),
  z.strictObject({ type: z.literal('dispute:status'), disputeId: z.uuid(), status: DisputeStatus }),
  z.strictObject({ type: z.literal('dispute:stripeEvidence'), disputeId: z.uuid() }),
  z.strictObject({ type: z.literal('dispute:adyenDefence'), disputeId: z.uuid() }),
  z.strictObject({ type: z.literal('dispute:submit'), disputeId: z.uuid(), body: SubmitBody }),
  z.strictObject({ type: z.literal('dispute:defenceText'), disputeId: z.uuid(), maxLength: z.number().int().min(200).max(20_000).optional() }),
  // Writes the backend refused or kept failing on: listed in the panel, sent again (a note edited) or dropped.
  z.strictObject({ type: z.literal('outbox:problems') }),
  z.strictObject({ type: z.literal('outbox:resend'), key: IdempotencyKey, text: z.string().trim().min(1).max(5000).optional() }),
  z.strictObject({ type: z.literal('outbox:discard'), key: IdempotencyKey }),
  z.strictObject({ type: z.literal('handoff:teams') }),
  z.strictObject({ type: z.literal('handoff:list'), orderId: OrderRef }),
  z.strictObject({
    type: z.literal('handoff:create'),
    orderId: OrderRef,
    caseId: z.uuid().optional(),
    handoffTeamId: z.uuid(),
    teamName: z.string().max(60),
    question: z.string().trim().min(1).max(4000),
    dueAt: Instant,
    escalation: EscalationInput.optional(),
  }),
  // SOPs beside the case: the matching ones answered at once; views and proposals queued in the outbox.
  z.strictObject({ type: z.literal('sop:match'), query: SopMatchQuery }),
  z.strictObject({ type: z.literal('sop:viewed'), sopId: z.uuid(), orderId: OrderRef.optional(), caseKind: CaseKind.optional() }),
  z.strictObject({
    type: z.literal('sop:propose'),
    sopId: z.uuid(),
    sopTitle: z.string().max(200),
    language: Language,
    baseVersion: z.number().int().positive(),
    body: SopBody,
    note: z.string().trim().max(1000).default(''),
  }),
]);
export type ContentRequest = z.infer<typeof ContentRequest>;

export const ExtensionPageRequest = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('auth:signIn'), backendUrl: z.string().trim().min(1), token: z.string().trim().min(1).max(200) }),
  z.strictObject({ type: z.literal('auth:signOut') }),
  z.strictObject({ type: z.literal('status:get') }),
  /** A call to one of the routes in utils/api-routes, by id (see apiRequest in utils/api-client.ts). */
  z.strictObject({
    type: z.literal('api:request'),
    route: z.string().min(1).max(80),
    params: z.record(z.string(), z.string().max(100)).default({}),
    query: z.record(z.string(), z.string().max(200)).optional(),
    body: z.unknown().optional(),
  }),
  /** The hosts a lead added for portals on marketplaces' own domains (utils/portals/team-hosts.ts). */
  z.strictObject({ type: z.literal('hosts:list') }),
  z.strictObject({ type: z.literal('hosts:add'), portal: PortalId, host: HostName }),
  z.strictObject({ type: z.literal('hosts:remove'), portal: PortalId, host: HostName }),
]);
export type ExtensionPageRequest = z.infer<typeof ExtensionPageRequest>;

export type AnyRequest = ContentRequest | ExtensionPageRequest;

export const ErrorData = z.strictObject({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.unknown().optional() });
export type ErrorData = z.infer<typeof ErrorData>;
export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorData };

export const SyncStatus = z.strictObject({
  signedIn: z.boolean(),
  online: z.boolean(),
  pending: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /** Writes another person made on this browser, waiting for them to sign in again (never sent with this token). */
  heldForOthers: z.number().int().positive().optional(),
  agentName: z.string().optional(),
  backendUrl: z.string().optional(),
  lastError: z.string().optional(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const PanelResult = z.strictObject({
  data: PanelData,
  /** True when the data came from the IndexedDB cache (a refresh follows). */
  fromCache: z.boolean(),
  /** Writes made in this tab or another that the backend has not acknowledged yet. */
  pendingForOrder: z.array(z.strictObject({ key: z.string(), kind: z.string(), text: z.string(), createdAt: z.string(), decision: DecisionKind.optional() })),
});
export type PanelResult = z.infer<typeof PanelResult>;

/** A write set aside by the outbox, as the panel shows it: what it was, and the backend's reason. */
export const OutboxProblem = z.strictObject({
  key: z.string(),
  kind: z.enum(['note', 'decision', 'template', 'status', 'sla', 'handoff', 'sop']),
  orderId: z.string(),
  /** The plain-text summary ("hold: address looks wrong"). */
  text: z.string(),
  /** A note's own words, for editing before it is sent again. */
  noteText: z.string().optional(),
  createdAt: z.string(),
  failure: z.strictObject({ status: z.number().int().optional(), code: z.string(), message: z.string(), field: z.string().optional(), at: z.string() }),
});
export type OutboxProblem = z.infer<typeof OutboxProblem>;

/** A write the worker queued: `queued` is false once the backend has it. */
export const Queued = z.strictObject({ queued: z.boolean(), key: z.string() });
export type Queued = z.infer<typeof Queued>;

/** The defence PDF's bytes as base64: the content script makes a Blob of it; the token never leaves the worker. */
export const DefencePdf = z.strictObject({ base64: z.string(), size: z.number().int().nonnegative() });
export type DefencePdf = z.infer<typeof DefencePdf>;

export const DefenceText = z.strictObject({ text: z.string(), truncated: z.boolean(), warnings: z.array(z.string()) });
export type DefenceText = z.infer<typeof DefenceText>;

/**
 * What each request is answered with. Read off the worker's handlers (their reply schemas), so a new
 * request type needs a handler before any page can send it; a type-only import, so no worker code is
 * bundled into pages or content scripts.
 */
export type { ResponseMap };

/** Pushed by the background worker to portal tabs. */
export const TabPush = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('push:live'), event: LiveEvent }),
  z.strictObject({ type: z.literal('push:sync'), status: SyncStatus }),
  /** The event stream reconnected: events may have been missed, so open panels reload. */
  z.strictObject({ type: z.literal('push:resync') }),
]);
export type TabPush = z.infer<typeof TabPush>;

export { PANEL_PORT, sendRequest } from './messaging-send';
