import { z } from 'zod';
import { Instant, Language, PageKind, PortalId } from './common';
import { CaseKind, IdempotencyKey } from './api';
import { FraudIndicatorId } from './fraud';
import { MAX_SOP_BODY } from '../sops/limits';

/**
 * SOP articles: short team procedures in a Markdown subset (utils/sops/markdown.ts), tagged by where they
 * apply, one body per language, versioned like templates. Agents propose changes from the panel; leads
 * accept them into a new version or reject them.
 */

export { MAX_SOP_BODY };

export const SopBody = z.string().trim().min(1, 'an SOP body cannot be empty').max(MAX_SOP_BODY, `an SOP body may hold at most ${MAX_SOP_BODY} characters`);

/** Bodies by language; the default language must have one. */
export const SopBodies = z.partialRecord(Language, SopBody);
export type SopBodies = z.infer<typeof SopBodies>;

/** A dispute reason as a tag: a reason group (fraud, consumer_dispute...), a reason (not_received...) or a raw code (13.1, 4853). */
export const DisputeReasonTag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_.-]+$/, 'a dispute reason tag is a group, reason or code such as fraud, not_received or 13.1');

/** Where an SOP applies; an empty dimension applies everywhere. */
export const SopTags = z.strictObject({
  portals: z.array(PortalId).max(20).default([]),
  pageKinds: z.array(PageKind).max(10).default([]),
  caseKinds: z.array(CaseKind).max(10).default([]),
  disputeReasons: z.array(DisputeReasonTag).max(30).default([]),
  fraudIndicators: z.array(FraudIndicatorId).max(30).default([]),
});
export type SopTags = z.infer<typeof SopTags>;

export const Sop = z.strictObject({
  id: z.uuid(),
  title: z.string().min(1).max(200),
  defaultLanguage: Language,
  bodies: SopBodies,
  tags: SopTags,
  version: z.number().int().positive(),
  /** When a lead last confirmed it is still right (a new version counts). */
  reviewedAt: Instant,
  archived: z.boolean(),
  updatedAt: Instant,
  updatedBy: z.string().nullable(),
});
export type Sop = z.infer<typeof Sop>;

const SopInputFields = {
  title: z.string().trim().min(1, 'a title is required').max(200),
  defaultLanguage: Language,
  bodies: SopBodies,
  tags: SopTags.default({ portals: [], pageKinds: [], caseKinds: [], disputeReasons: [], fraudIndicators: [] }),
};

function hasDefaultBody(input: { defaultLanguage: Language; bodies: SopBodies }): boolean {
  return Boolean(input.bodies[input.defaultLanguage]);
}
const DEFAULT_BODY_MISSING = { message: 'the default language needs a body', path: ['bodies'] };

export const SopInput = z.strictObject(SopInputFields).refine(hasDefaultBody, DEFAULT_BODY_MISSING);
export type SopInput = z.infer<typeof SopInput>;

export const SopUpdate = z
  .strictObject({
    ...SopInputFields,
    expectedVersion: z.number().int().positive(),
    /** Archived SOPs show in the lead tools only, never in the panel. */
    archived: z.boolean().optional(),
  })
  .refine(hasDefaultBody, DEFAULT_BODY_MISSING);
export type SopUpdate = z.infer<typeof SopUpdate>;

export const SopReviewBody = z.strictObject({ expectedVersion: z.number().int().positive() });

/** Why the editor may want a second look: raw HTML shows as text, a link that is not http(s) shows as text. */
export const SopWarning = z.strictObject({ language: Language, rule: z.enum(['html', 'unsafe-link']), message: z.string() });
export type SopWarning = z.infer<typeof SopWarning>;

export const SopSaved = z.strictObject({ sop: Sop, warnings: z.array(SopWarning) });
export type SopSaved = z.infer<typeof SopSaved>;

export const SopList = z.strictObject({ sops: z.array(Sop) });
export type SopList = z.infer<typeof SopList>;

export const SopVersion = z.strictObject({
  version: z.number().int().positive(),
  title: z.string(),
  bodies: SopBodies,
  updatedAt: Instant,
  updatedBy: z.string().nullable(),
});
export const SopVersionList = z.strictObject({ versions: z.array(SopVersion) });
export type SopVersionList = z.infer<typeof SopVersionList>;

/** The case in front of the agent, as far as SOP tags go. */
export const SopMatchQuery = z.strictObject({
  portal: PortalId,
  pageKind: PageKind,
  orderId: z.string().trim().min(1).max(64).optional(),
  caseKind: CaseKind.optional(),
  fraudIndicators: z.array(FraudIndicatorId).max(40).default([]),
  /** Reason groups, reasons or codes the panel knows of; the server adds those of the order's stored disputes. */
  disputeReasons: z.array(DisputeReasonTag).max(20).default([]),
  /** The agent's UI language: the body shown is in it when a translation exists. */
  language: Language,
});
export type SopMatchQuery = z.infer<typeof SopMatchQuery>;

export const ProposalStatus = z.enum(['pending', 'accepted', 'rejected']);
export type ProposalStatus = z.infer<typeof ProposalStatus>;

export const SopProposal = z.strictObject({
  id: z.uuid(),
  sopId: z.uuid(),
  sopTitle: z.string(),
  authorId: z.uuid(),
  authorName: z.string(),
  language: Language,
  baseVersion: z.number().int().positive(),
  body: z.string(),
  note: z.string(),
  status: ProposalStatus,
  /** The version the accepted proposal became. */
  acceptedVersion: z.number().int().positive().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: Instant.nullable(),
  createdAt: Instant,
});
export type SopProposal = z.infer<typeof SopProposal>;

export const SopProposalList = z.strictObject({ proposals: z.array(SopProposal) });
export type SopProposalList = z.infer<typeof SopProposalList>;

/** One SOP as the panel shows it: the body in one language, saying which. */
export const MatchedSop = z.strictObject({
  id: z.uuid(),
  title: z.string(),
  version: z.number().int().positive(),
  language: Language,
  /** True when the agent's language had no translation and the default language is shown. */
  fallback: z.boolean(),
  languages: z.array(Language),
  body: z.string(),
  reviewedAt: Instant,
  /** How many tags matched the case (more first). */
  matched: z.number().int().nonnegative(),
});
export type MatchedSop = z.infer<typeof MatchedSop>;

export const SopMatchResult = z.strictObject({
  sops: z.array(MatchedSop),
  /** The agent's own proposals on these SOPs, newest first, with their outcome. */
  myProposals: z.array(SopProposal),
});
export type SopMatchResult = z.infer<typeof SopMatchResult>;

export const SopViewBody = z.strictObject({
  orderId: z.string().trim().min(1).max(64).optional(),
  caseKind: CaseKind.optional(),
  idempotencyKey: IdempotencyKey,
  at: Instant.optional(),
});
export const SopViewRecorded = z.strictObject({ recorded: z.boolean() });

export const SopProposalBody = z.strictObject({
  language: Language,
  baseVersion: z.number().int().positive(),
  body: SopBody,
  note: z.string().trim().max(1000).default(''),
  idempotencyKey: IdempotencyKey,
  at: Instant.optional(),
});
export type SopProposalBody = z.infer<typeof SopProposalBody>;

export const SopDecisionBody = z.strictObject({ decision: z.enum(['accept', 'reject']) });

export const SopDecided = z.strictObject({ proposal: SopProposal, sop: Sop });

const ReportDay = z.iso.date();

/** The last `days` days, or the days `from` to `to` (inclusive, UTC), as the other reports take them. */
export const SopReportQuery = z
  .strictObject({ days: z.coerce.number().int().min(1).max(366).default(30), from: ReportDay.optional(), to: ReportDay.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });

/** SOP figures for the reports: views per case kind, proposals by outcome. */
export const SopReport = z.strictObject({
  days: z.number().int(),
  /** The window counted, as instants (the query's from/to are days). */
  since: Instant,
  until: Instant,
  viewsByCaseKind: z.array(z.strictObject({ caseKind: z.string(), views: z.number().int(), sops: z.number().int(), agents: z.number().int() })),
  proposals: z.strictObject({ submitted: z.number().int(), accepted: z.number().int(), rejected: z.number().int(), pending: z.number().int() }),
  bySop: z.array(z.strictObject({ sopId: z.uuid(), title: z.string(), views: z.number().int(), accepted: z.number().int() })),
});
export type SopReport = z.infer<typeof SopReport>;
