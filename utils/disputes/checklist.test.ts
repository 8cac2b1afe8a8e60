import { describe, expect, it } from 'vitest';
import { EvidenceItem, type PriorTransaction } from '../schemas/disputes';
import { buildChecklist } from './checklist';
import { aDispute, aHistory, disputeContext } from '../../tests/helpers/disputes';

const byKey = (items: EvidenceItem[]) => Object.fromEntries(items.map((i) => [i.key, i]));
const statuses = (items: EvidenceItem[]) => Object.fromEntries(items.map((i) => [i.key, i.status]));

describe('buildChecklist', () => {
  it('not received: tracking, delivery, address and messages are filled from page and history', () => {
    const items = buildChecklist({ dispute: aDispute(), context: disputeContext(), history: aHistory() });
    for (const item of items) expect(EvidenceItem.safeParse(item).success).toBe(true);
    expect(statuses(items)).toEqual({
      order_details: 'present',
      tracking_number: 'present',
      proof_of_delivery: 'present',
      shipping_address: 'present',
      signature_confirmation: 'missing',
      message_history: 'present',
      case_notes: 'present',
    });
    const k = byKey(items);
    expect(k.tracking_number).toMatchObject({ source: 'page', value: '00340434161094042557 (DHL)', required: true });
    expect(k.proof_of_delivery!.value).toBe(
      'Delivered 2026-11-05 11:42 UTC to Max Mustermann, Hauptstraße 5, 10115 Berlin, DE (tracking 00340434161094042557)',
    );
    expect(k.proof_of_delivery!.source).toBe('history');
    expect(k.message_history!.value).toContain('2 messages (1 from the buyer)');
    expect(k.message_history!.value).toContain('Mein Paket ist nie angekommen.');
    expect(k.signature_confirmation!.hint).toMatch(/signed delivery receipt/);
    expect(k.case_notes).toMatchObject({ internal: true, value: '2026-11-18 Anna: Buyer has claimed twice this year.' });
  });

  it('not received without tracking or delivery: those required items are missing', () => {
    const items = buildChecklist({
      dispute: aDispute(),
      context: disputeContext({ trackingNumber: undefined }),
      history: { events: [] },
    });
    const k = byKey(items);
    expect(k.tracking_number!.status).toBe('missing');
    expect(k.proof_of_delivery!.status).toBe('missing');
    expect(k.message_history!.status).toBe('missing');
    expect(k.order_details!.status).toBe('present');
  });

  it('not as described: description from the page, photos missing until an agent attaches them', () => {
    const dispute = aDispute({ reason: 'not_as_described', reasonText: 'Item not as described' });
    const before = byKey(buildChecklist({ dispute, context: disputeContext(), history: aHistory() }));
    expect(before.item_description).toMatchObject({ status: 'present', value: 'Kaffeebecher, 2er Set (ASIN B0TESTMUG1, SKU MUG-2)' });
    expect(before.product_photos).toMatchObject({ status: 'missing', required: true });
    expect(before.message_history!.required).toBe(true);

    const after = byKey(
      buildChecklist({
        dispute,
        context: disputeContext(),
        history: aHistory(),
        provided: [{ key: 'product_photos', value: '3 photos of the mugs before packing', attachmentId: 'att-1' }],
      }),
    );
    expect(after.product_photos).toMatchObject({ status: 'present', source: 'attachment', attachmentId: 'att-1' });
  });

  it('credit not processed: the refund from the history is the proof', () => {
    const dispute = aDispute({ reason: 'credit_not_processed' });
    const none = byKey(buildChecklist({ dispute, context: disputeContext(), history: aHistory() }));
    expect(none.refund_proof!.status).toBe('missing');
    const refunded = byKey(
      buildChecklist({
        dispute,
        context: disputeContext(),
        history: aHistory({ refunds: [{ at: '2026-11-08T10:00:00Z', amount: { amountMinor: 4999, currency: 'EUR' }, reference: 'R-77' }] }),
      }),
    );
    expect(refunded.refund_proof).toMatchObject({ status: 'present', value: 'Refunded 49.99 EUR on 2026-11-08 (reference R-77)' });
  });

  it('card fraud on a Visa 10.4 dispute: CE 3.0 is checked against the prior payments', () => {
    const dispute = aDispute({ kind: 'card_dispute', reason: 'fraud_card_absent', reasonCode: '10.4', network: 'visa' });
    const disputedTransaction = { id: 'ch_now', at: '2026-11-02T13:30:00Z', ipAddress: '203.0.113.7', deviceId: 'dev-1' };
    const prior = (id: string, at: string): PriorTransaction => ({ id, at, ipAddress: '203.0.113.7', deviceId: 'dev-1', disputed: false });

    const eligible = byKey(
      buildChecklist({
        dispute,
        history: aHistory(),
        disputedTransaction,
        priorTransactions: [prior('ch_1', '2026-06-01T10:00:00Z'), prior('ch_2', '2026-03-01T10:00:00Z')],
      }),
    );
    expect(eligible.ce3_prior_transactions!.status).toBe('present');
    expect(eligible.ce3_prior_transactions!.value).toMatch(/^2 earlier undisputed payments/);
    expect(eligible.avs_cvv_result!.status).toBe('missing');

    const tooRecent = byKey(
      buildChecklist({
        dispute,
        history: aHistory(),
        disputedTransaction,
        priorTransactions: [prior('ch_1', '2026-10-01T10:00:00Z'), prior('ch_2', '2026-03-01T10:00:00Z')],
      }),
    );
    expect(tooRecent.ce3_prior_transactions!.status).toBe('missing');
    expect(tooRecent.ce3_prior_transactions!.hint).toMatch(/ch_1 is only 49 days before the dispute/);
  });

  it('CE 3.0 does not apply to other networks or to marketplace orders', () => {
    const mc = byKey(buildChecklist({ dispute: aDispute({ kind: 'card_dispute', reason: 'fraud_card_absent', reasonCode: '4837' }), history: aHistory() }));
    expect(mc.ce3_prior_transactions!.status).toBe('not_applicable');
    const amazon = byKey(buildChecklist({ dispute: aDispute({ kind: 'amazon_chargeback', reason: 'fraud_card_absent' }), history: aHistory() }));
    expect(amazon.ce3_prior_transactions!.status).toBe('not_applicable');
    expect(amazon.avs_cvv_result!.status).toBe('not_applicable');
  });

  it('agents can mark an item not applicable and add items of their own; stored agent evidence is kept', () => {
    const dispute = aDispute({
      evidence: [
        { key: 'signature_confirmation', label: 'Signature on delivery', status: 'present', required: false, source: 'attachment', attachmentId: 'att-sig' },
      ],
    });
    const items = buildChecklist({
      dispute,
      context: disputeContext(),
      history: aHistory(),
      provided: [
        { key: 'message_history', notApplicable: true },
        { key: 'neighbour_statement', label: 'Statement from the neighbour', value: 'Took the parcel in.' },
      ],
    });
    const k = byKey(items);
    expect(k.signature_confirmation).toMatchObject({ status: 'present', source: 'attachment', attachmentId: 'att-sig' });
    expect(k.message_history!.status).toBe('not_applicable');
    expect(items[items.length - 1]).toMatchObject({
      key: 'neighbour_statement',
      label: 'Statement from the neighbour',
      status: 'present',
      source: 'agent',
      required: false,
    });
  });

  it('without a page context, page items are missing rather than invented', () => {
    const k = byKey(buildChecklist({ dispute: aDispute(), history: { events: [], deliveredAt: '2026-11-05T11:42:00Z' } }));
    expect(k.order_details!.status).toBe('missing');
    expect(k.shipping_address!.status).toBe('missing');
    expect(k.proof_of_delivery).toMatchObject({ status: 'present', value: 'Delivered 2026-11-05 11:42 UTC' });
  });
});
