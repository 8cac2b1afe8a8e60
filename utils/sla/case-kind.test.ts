import { describe, expect, it } from 'vitest';
import { PageContext, type PageContextInput } from '../schemas/page';
import { orderContext } from '../../tests/helpers/fraud-orders';
import { caseKindForPage, cardNetworkForReason } from './case-kind';

const page = (overrides: Partial<PageContextInput>) => PageContext.parse(orderContext(overrides));
const zalando = (overrides: Partial<PageContextInput>) =>
  page({ portal: 'zalando', url: 'https://zdirect.zalando.com/orders/1040970000502251', marketplace: { code: 'ZALANDO-DE' }, ...overrides });

describe('caseKindForPage', () => {
  it('messages: Amazon buyer message or Zalando Customer Care, from the message time', () => {
    expect(caseKindForPage(page({ pageKind: 'message', message: { receivedAt: '2026-11-20T08:00:00Z' } }))).toEqual({
      caseKind: 'amazon_buyer_message',
      startedAt: '2026-11-20T08:00:00Z',
    });
    expect(caseKindForPage(zalando({ pageKind: 'message' }))).toEqual({ caseKind: 'zalando_customer_care' });
  });

  it('claims: information request, or appeal when the stage says so', () => {
    expect(caseKindForPage(page({ pageKind: 'claim', claim: { filedAt: '2026-11-19T10:00:00Z', stage: 'Information request' } }))).toEqual({
      caseKind: 'amazon_atoz_info_request',
      startedAt: '2026-11-19T10:00:00Z',
    });
    expect(caseKindForPage(page({ pageKind: 'claim', claim: { stage: 'Appeal' } }))?.caseKind).toBe('amazon_atoz_appeal');
  });

  it('chargebacks: Amazon chargeback; elsewhere a card dispute with the network from the reason code', () => {
    expect(caseKindForPage(page({ pageKind: 'chargeback', chargeback: { reason: '13.1', notifiedAt: '2026-11-18T00:00:00Z' } }))).toEqual({
      caseKind: 'amazon_chargeback',
      startedAt: '2026-11-18T00:00:00Z',
    });
    expect(caseKindForPage(zalando({ pageKind: 'chargeback', chargeback: { reason: '4853 Cardholder dispute' } }))).toEqual({
      caseKind: 'card_dispute',
      cardNetwork: 'mastercard',
    });
  });

  it('returns: authorization while requested, refund once received', () => {
    expect(caseKindForPage(page({ pageKind: 'return', return: { requestedAt: '2026-11-20T09:00:00Z' } }))).toEqual({
      caseKind: 'amazon_return_authorization',
      startedAt: '2026-11-20T09:00:00Z',
    });
    expect(caseKindForPage(page({ pageKind: 'return', return: { receivedAt: '2026-11-21T09:00:00Z' } }))?.caseKind).toBe('amazon_refund_after_return');
    expect(caseKindForPage(page({ pageKind: 'refund', return: { receivedAt: '2026-11-21T09:00:00Z' } }))?.caseKind).toBe('amazon_refund_after_return');
    expect(caseKindForPage(page({ pageKind: 'refund' }))).toBeNull();
    expect(caseKindForPage(zalando({ pageKind: 'return' }))).toBeNull();
  });

  it('orders: MFN with a ship-by date still to ship', () => {
    const mfn = { pageKind: 'order' as const, shipBy: '2026-11-23T22:59:59Z', fulfilmentChannel: 'Seller', orderStatus: 'Unshipped' };
    expect(caseKindForPage(page(mfn))).toEqual({ caseKind: 'amazon_mfn_shipment', shipBy: '2026-11-23T22:59:59Z', startedAt: '2026-11-20T13:30:00Z' });
    expect(caseKindForPage(page({ ...mfn, fulfilmentChannel: 'Amazon' }))).toBeNull();
    expect(caseKindForPage(page({ ...mfn, orderStatus: 'Shipped' }))).toBeNull();
    expect(caseKindForPage(page({ ...mfn, orderStatus: 'Storniert' }))).toBeNull();
    expect(caseKindForPage(page({ ...mfn, shipBy: undefined }))).toBeNull();
  });

  it('orders on zDirect: approved orders must be exported', () => {
    expect(caseKindForPage(zalando({ pageKind: 'order', orderStatus: 'approved' }))).toEqual({ caseKind: 'zalando_order_export' });
    expect(caseKindForPage(zalando({ pageKind: 'order', orderStatus: 'fulfilled' }))).toBeNull();
  });

  it('lists and other pages have no clock', () => {
    expect(caseKindForPage(page({ pageKind: 'order-list' }))).toBeNull();
    expect(caseKindForPage(page({ pageKind: 'unknown' }))).toBeNull();
  });
});

describe('cardNetworkForReason', () => {
  it.each([
    ['10.4 Other Fraud - Card Absent Environment', 'visa'],
    ['13.1', 'visa'],
    ['Visa 13.3 Not as described', 'visa'],
    ['4837', 'mastercard'],
    ['Mastercard cardholder dispute', 'mastercard'],
    ['C08 Goods/Services Not Received', 'amex'],
    ['FR2 Fraud Full Recourse', 'amex'],
    ['UA02 Non-Receipt of Goods', 'discover'],
  ] as const)('%s -> %s', (reason, network) => {
    expect(cardNetworkForReason(reason)).toBe(network);
  });

  it('gives undefined for a plain text reason', () => {
    expect(cardNetworkForReason('Item not received')).toBeUndefined();
  });
});
