import type { DisputeLike } from './case-history';

/**
 * What Adyen's Disputes API takes to defend a chargeback, prepared for review: the defence document
 * the product renders (the defence PDF) as the `defenseDocuments` of supplyDefenseDocument, and the
 * defence reason for defendDispute. Pure.
 *
 * Adyen decides per dispute which defence reasons apply and which document types each takes
 * (retrieveApplicableDefenseReasons). Adyen's public documentation gives no table from a scheme's
 * reason code to defence reasons, so without Adyen's own answer no reason is offered (`reasonsFrom:
 * 'not_retrieved'`) and the agent is told to pick it in Adyen's Customer Area or after a lookup. The
 * document type code of the defence PDF is `DefenseMaterial`, the generic defence material Adyen's
 * documented example answer lists as required; with Adyen's answer it is checked against the types
 * Adyen names for the chosen reason.
 */

/** One defence reason as Adyen's retrieveApplicableDefenseReasons answers it. */
export interface AdyenDefenseReason {
  defenseReasonCode: string;
  satisfied: boolean;
  defenseDocumentTypes?: Array<{ defenseDocumentTypeCode: string; requirementLevel: string; available: boolean }>;
}

export const DEFENCE_DOCUMENT_TYPE = 'DefenseMaterial';
/** Keeps what an agent reviews readable; Adyen's own codes are short identifiers. */
const CODE = /^[A-Za-z0-9_.-]{1,80}$/;

export interface AdyenDefenceInput {
  dispute: DisputeLike & { details?: Record<string, string | number | boolean> };
  /** The defence PDF the product renders for this dispute. */
  pdf: { base64: string; size: number; filename: string };
  /** Adyen's answer to retrieveApplicableDefenseReasons, when the backend asked it. */
  applicable?: AdyenDefenseReason[];
}

export interface AdyenDefenceExport {
  disputePspReference: string;
  /** adyen: the reasons are Adyen's answer for this dispute; not_retrieved: Adyen was not asked, none are offered. */
  reasonsFrom: 'adyen' | 'not_retrieved';
  defenseReasons: Array<{
    defenseReasonCode: string;
    satisfied: boolean;
    documentTypes: Array<{ defenseDocumentTypeCode: string; requirementLevel: string; available: boolean }>;
  }>;
  /** The supplyDefenseDocument body's documents (merchantAccountCode is added when sending). */
  defenseDocuments: Array<{ defenseDocumentTypeCode: string; contentType: 'application/pdf'; content: string }>;
  /** What each document is, for the reviewer (the content itself is base64). */
  documents: Array<{ defenseDocumentTypeCode: string; filename: string; size: number }>;
  network: string | null;
  reasonCode: string | null;
  warnings: string[];
}

export function buildAdyenDefence(input: AdyenDefenceInput): AdyenDefenceExport {
  const { dispute, pdf } = input;
  const warnings: string[] = [];
  if (dispute.details?.['defendable'] === false) warnings.push('Adyen marked this dispute as not defendable: a defence will be refused.');

  const defenseReasons: AdyenDefenceExport['defenseReasons'] = [];
  for (const r of input.applicable ?? []) {
    if (!CODE.test(r.defenseReasonCode)) continue;
    defenseReasons.push({
      defenseReasonCode: r.defenseReasonCode,
      satisfied: r.satisfied,
      documentTypes: (r.defenseDocumentTypes ?? [])
        .filter((d) => CODE.test(d.defenseDocumentTypeCode))
        .map((d) => ({ defenseDocumentTypeCode: d.defenseDocumentTypeCode, requirementLevel: d.requirementLevel.slice(0, 40), available: d.available })),
    });
  }
  const reasonsFrom = input.applicable ? 'adyen' : 'not_retrieved';
  if (reasonsFrom === 'not_retrieved') {
    warnings.push(
      'Adyen names the defence reasons for each dispute itself (retrieveApplicableDefenseReasons) and this backend has not asked it: choose the reason in the Customer Area, or store an Adyen API key so the backend can ask.',
    );
  } else if (defenseReasons.length === 0) {
    warnings.push('Adyen offers no defence reason for this dispute: it cannot be defended through the API.');
  } else if (!defenseReasons.some((r) => r.documentTypes.some((d) => d.defenseDocumentTypeCode === DEFENCE_DOCUMENT_TYPE))) {
    warnings.push(
      `None of Adyen's defence reasons for this dispute takes the document type ${DEFENCE_DOCUMENT_TYPE}: check the document types Adyen lists before supplying the defence.`,
    );
  }

  return {
    disputePspReference: dispute.id,
    reasonsFrom,
    defenseReasons,
    defenseDocuments: [{ defenseDocumentTypeCode: DEFENCE_DOCUMENT_TYPE, contentType: 'application/pdf', content: pdf.base64 }],
    documents: [{ defenseDocumentTypeCode: DEFENCE_DOCUMENT_TYPE, filename: pdf.filename, size: pdf.size }],
    network: dispute.network ?? null,
    reasonCode: dispute.reasonCode ?? null,
    warnings,
  };
}
