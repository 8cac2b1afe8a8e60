import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AdyenDefenceView } from '../api-routes/processors';
import type { DisputeLike } from './case-history';
import { buildAdyenDefence, DEFENCE_DOCUMENT_TYPE, type AdyenDefenseReason } from './adyen-defence';

const dispute: DisputeLike = {
  id: 'DISP8815000000000001',
  kind: 'card_dispute',
  orderId: 'SHOP-1',
  reason: 'not_received',
  amount: { amountMinor: 12000, currency: 'EUR' },
  filedAt: '2026-11-20T10:00:00.000Z',
  deadline: '2026-11-30T10:00:00.000Z',
  status: 'open',
  network: 'mastercard',
  reasonCode: '4855',
  source: 'adyen',
  stage: 'chargeback',
};
const pdf = { base64: Buffer.from('%PDF-1.7 test').toString('base64'), size: 13, filename: 'defence-DISP1.pdf' };

/** Adyen's documented example answer for a dispute (retrieveApplicableDefenseReasons). */
const DOCUMENTED: AdyenDefenseReason[] = [
  {
    defenseReasonCode: 'SupplyDefenseMaterial',
    satisfied: false,
    defenseDocumentTypes: [
      { available: false, defenseDocumentTypeCode: 'TIDorInvoice', requirementLevel: 'Optional' },
      { available: false, defenseDocumentTypeCode: 'DefenseMaterial', requirementLevel: 'Required' },
      { available: false, defenseDocumentTypeCode: 'AlternativeDefenseMaterial', requirementLevel: 'AlternativeRequired' },
    ],
  },
];

describe('buildAdyenDefence', () => {
  it("without Adyen's answer offers no reason, says so, and carries the defence PDF as DefenseMaterial", () => {
    const out = buildAdyenDefence({ dispute, pdf });
    expect(out).toMatchObject({
      disputePspReference: 'DISP8815000000000001',
      reasonsFrom: 'not_retrieved',
      defenseReasons: [],
      network: 'mastercard',
      reasonCode: '4855',
      defenseDocuments: [{ defenseDocumentTypeCode: 'DefenseMaterial', contentType: 'application/pdf', content: pdf.base64 }],
      documents: [{ defenseDocumentTypeCode: 'DefenseMaterial', filename: 'defence-DISP1.pdf', size: 13 }],
    });
    expect(out.warnings).toHaveLength(1);
    expect(out.warnings[0]).toContain('retrieveApplicableDefenseReasons');
    expect(AdyenDefenceView.parse(out)).toEqual(out);
  });

  it("with Adyen's answer lists its reasons and document types as Adyen gave them", () => {
    const out = buildAdyenDefence({ dispute, pdf, applicable: DOCUMENTED });
    expect(out.reasonsFrom).toBe('adyen');
    expect(out.defenseReasons).toEqual([
      {
        defenseReasonCode: 'SupplyDefenseMaterial',
        satisfied: false,
        documentTypes: DOCUMENTED[0]!.defenseDocumentTypes!.map(({ defenseDocumentTypeCode, requirementLevel, available }) => ({
          defenseDocumentTypeCode,
          requirementLevel,
          available,
        })),
      },
    ]);
    expect(out.warnings).toEqual([]);
  });

  it('warns when Adyen offers nothing, when no reason takes the defence document, and when the dispute is not defendable', () => {
    expect(buildAdyenDefence({ dispute, pdf, applicable: [] }).warnings.join(' ')).toContain('cannot be defended through the API');
    const other = buildAdyenDefence({
      dispute,
      pdf,
      applicable: [
        {
          defenseReasonCode: 'MerchandiseReceived',
          satisfied: false,
          defenseDocumentTypes: [{ defenseDocumentTypeCode: 'ProofOfDelivery', requirementLevel: 'Required', available: false }],
        },
      ],
    });
    expect(other.warnings.join(' ')).toContain(`takes the document type ${DEFENCE_DOCUMENT_TYPE}`);
    const closed = buildAdyenDefence({ dispute: { ...dispute, details: { defendable: false } }, pdf });
    expect(closed.warnings[0]).toContain('not defendable');
  });

  it('never passes on a code that is not a short identifier (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            defenseReasonCode: fc.string({ maxLength: 120 }),
            satisfied: fc.boolean(),
            defenseDocumentTypes: fc.array(
              fc.record({ defenseDocumentTypeCode: fc.string({ maxLength: 120 }), requirementLevel: fc.string({ maxLength: 80 }), available: fc.boolean() }),
              { maxLength: 4 },
            ),
          }),
          { maxLength: 6 },
        ),
        (applicable) => {
          const out = buildAdyenDefence({ dispute, pdf, applicable });
          const codes = out.defenseReasons.flatMap((r) => [r.defenseReasonCode, ...r.documentTypes.map((d) => d.defenseDocumentTypeCode)]);
          for (const c of codes) expect(c).toMatch(/^[A-Za-z0-9_.-]{1,80}$/);
          expect(out.defenseReasons.length).toBe(applicable.filter((r) => /^[A-Za-z0-9_.-]{1,80}$/.test(r.defenseReasonCode)).length);
          expect(AdyenDefenceView.safeParse(out).success).toBe(true);
        },
      ),
    );
  });
});
