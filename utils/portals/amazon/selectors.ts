/**
 * Every Seller Central hook in one place, the first tier of each field. Hooks on the order page, the
 * contact-buyer form, the returns rows and the chargebacks table were seen in public scripts; hooks
 * marked (unverified) were designed for the project's first fixtures, so those fields are expected at
 * the label tier and reading them by hook is a bonus, never the only way (see labels.ts and the
 * structural readers in read.ts).
 */
const testId = (id: string) => `[data-test-id="${id}"]`;

export const ORDER = {
  /** Page loaded marker. de-order, com-order, jp-order, europe-missing-fields-order. */
  anchors: [testId('order-details-label'), testId('order-id-value')],
  orderId: [testId('order-id-value')],
  purchaseDate: [testId('order-summary-purchase-date-value')],
  shipBy: [testId('order-summary-shipby-value')],
  deliverBy: [testId('order-summary-deliverby-value')],
  shippingService: [testId('order-summary-shipping-service-value')],
  fulfilmentChannel: [testId('order-summary-fulfillment-channel-value')],
  salesChannel: [testId('order-summary-sales-channel-value')],
  buyerName: [testId('shipping-section-contact-buyer-value'), testId('buyer-name-with-link')],
  recipientName: [testId('shipping-section-recipient-name')],
  /** One `<span>` per address line. */
  address: [testId('shipping-section-buyer-address')],
  addressType: [testId('shipping-section-buyer-address-type')],
  phone: [testId('shipping-section-phone')],
  tracking: [testId('tracking-id-value')],
  itemStatus: [testId('item-status-label')],
  /** Items are rows of the first key-value table. com-order, de-order, jp-order. */
  itemsTable: ['table.a-keyvalue'],
  /** Totals box (sale proceeds), under its real class first. */
  totalsBox: [
    '.order-details-right-column .order-details-bordered-box-sale-proceeds table.a-normal',
    '.order-details-bordered-box-sale-proceeds',
    testId('sale-proceeds'),
    '.sale-proceeds',
    '#MYO-app',
  ],
  productName: ['.myo-list-orders-product-name-cell', 'a', '.product-name', testId('product-name')],
} as const;

/** Order list rows link to order details (`.cell-body-title a`). com-order-list. */
export const ORDER_LIST = {
  anchors: [testId('orders-table'), '#orders-table', 'a[href*="/orders-v3/order/"]', 'a[href*="fba-order-details"]'],
  orderLinks: 'a[href*="/orders-v3/order/"]',
} as const;

/** Links to an order, on every page kind: the structural tier of the order id. */
export const ORDER_LINKS = 'a[href*="/orders-v3/order/"], a[href*="fba-order-details"], a[href*="orderID="], a[href*="orderId="]';

/** Buyer thread and contact-buyer form. uk-message, com-hostile-message, de-contact-buyer. (unverified) */
export const MESSAGE = {
  anchors: [testId('thread-view'), '.contact-buyer-text-area', testId('contact-buyer-form'), '.ayb-contact-buyer-header'],
  /** Contact-buyer form: "Send message to {name}" (seen). */
  contactHeader: ['.ayb-contact-buyer-header h2', '.ayb-contact-buyer-header'],
  subject: [testId('thread-subject'), testId('contact-buyer-subject')],
  buyerName: [testId('thread-buyer-name'), testId('contact-buyer-name')],
  orderId: [testId('thread-order-id'), testId('contact-buyer-order-id')],
  buyerMessages: `${testId('message-buyer')}`,
  messageBody: '.message-body',
  messageTime: '.message-time',
  shipTo: [testId('thread-ship-to')],
} as const;

/** A-to-z claim detail. fr-claim. (unverified) */
export const CLAIM = {
  anchors: [testId('claim-details')],
  id: [testId('claim-id-value')],
  orderId: [testId('claim-order-id-value')],
  amount: [testId('claim-amount-value')],
  reason: [testId('claim-reason-value')],
  filedAt: [testId('claim-filed-date-value')],
  stage: [testId('claim-stage-value')],
  status: [testId('claim-status-value')],
  buyerName: [testId('claim-buyer-name-value')],
} as const;

/** Chargeback details view (hash route #/details). com-chargeback. (unverified) */
export const CHARGEBACK = {
  anchors: [testId('chargeback-details'), '#chargebacksTable'],
  table: '#chargebacksTable',
  id: [testId('chargeback-id-value')],
  orderId: [testId('chargeback-order-id-value')],
  amount: [testId('chargeback-amount-value')],
  reason: [testId('chargeback-reason-value')],
  notifiedAt: [testId('chargeback-notification-date-value')],
  respondBy: [testId('chargeback-respond-by-value')],
  status: [testId('chargeback-status-value')],
} as const;

/** Return request card. it-return. (unverified) */
export const RETURN = {
  anchors: [testId('return-request-card'), 'kat-table-row.manage-returns-table-row'],
  /** Returns list rows (seen) and the designed card. */
  rows: ['kat-table-row.manage-returns-table-row', testId('return-request-card')],
  customerComment: ['.customer-comment'],
  id: [testId('return-rma-id')],
  orderId: [testId('return-order-id')],
  buyerName: [testId('return-buyer-name')],
  reason: [testId('return-reason')],
  requestedAt: [testId('return-request-date')],
  status: [testId('return-status')],
  amount: [testId('return-refund-amount')],
  itemRows: `${testId('return-item')}`,
} as const;

/** Legacy refund form: table of label/value rows. es-refund. (unverified) */
export const REFUND = {
  anchors: ['form#refund-form', 'form[name="refundForm"]'],
  orderIdInput: 'input[name="orderID"]',
  itemRows: 'tr.refund-item',
} as const;

/** Spinners shown while the SPA renders. de-order, com-chargeback. */
export const SPINNERS = ['.a-spinner', 'kat-spinner', '[data-test-id="loading-spinner"]'] as const;

/** Reply boxes, in order of preference. de-contact-buyer (shadow root), uk-message, fr-claim (plain). */
export const REPLY_BOX = [
  '.contact-buyer-text-area kat-textarea',
  '[data-test-id="thread-reply"] kat-textarea',
  '.reply-area kat-textarea',
  'kat-textarea',
  '.reply-area textarea',
  'textarea',
  'textarea[name="response"]',
  '.reply-area [contenteditable="true"]',
  '[contenteditable="true"][role="textbox"]',
  'form textarea:not([readonly]):not([disabled])',
] as const;

export { LABELS } from './labels';
