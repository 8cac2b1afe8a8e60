/**
 * zDirect hooks, all (unverified): the portal's markup is not public, so these were designed for
 * tests/fixtures/zalando and every one has a label or structure fallback. Labels in English and German.
 */
const testId = (id: string) => `[data-testid="${id}"]`;

export const ORDER = {
  /** order, order-other-path */
  anchors: [testId('order-detail'), testId('article-details')],
  orderId: [testId('order-id')],
  orderNumber: [testId('order-number')],
  status: [testId('order-status')],
  orderDate: [testId('order-date')],
  salesChannel: [testId('sales-channel')],
  orderType: [testId('order-type')],
  customerName: [testId('customer-name')],
  customerNumber: [testId('customer-number')],
  shippingAddress: [testId('shipping-address')],
  billingAddress: [testId('billing-address')],
  addressType: '[data-testid="address-type"]',
  tracking: [testId('tracking-number')],
  articleTable: [testId('article-details'), 'table'],
  total: [testId('order-total')],
} as const;

/** order-list: tabs Initial / Approved / Fulfilled / All and rows of orders. */
export const ORDER_LIST = {
  anchors: [testId('order-list'), '[role="tablist"]'],
  tabs: '[role="tab"]',
} as const;

/** return */
export const RETURN = {
  anchors: [testId('return-detail')],
  id: [testId('return-id')],
  reason: [testId('return-reason')],
  requestedAt: [testId('return-date')],
  receivedAt: [testId('return-received-date')],
  status: [testId('return-status')],
  amount: [testId('return-amount')],
} as const;

/** cc-request */
export const MESSAGE = {
  anchors: [testId('cc-request')],
  id: [testId('cc-request-id')],
  subject: [testId('cc-subject')],
  body: [testId('cc-message-body')],
  receivedAt: [testId('cc-received-at')],
  from: [testId('cc-from')],
} as const;

export const SPINNERS = ['[role="progressbar"]', '.z-spinner'] as const;

/** cc-request: a plain textarea; editors are accepted too in case the portal moves to one. */
export const REPLY_BOX = [
  testId('cc-reply') + ' textarea',
  'textarea[name="reply"]',
  testId('cc-reply') + ' [contenteditable="true"]',
  '[contenteditable="true"][role="textbox"]',
] as const;

export const LABELS = {
  orderId: ['Order ID', 'Bestell-ID'],
  orderNumber: ['Order number', 'Bestellnummer'],
  status: ['Order status', 'Status', 'Bestellstatus'],
  orderDate: ['Order date', 'Bestelldatum', 'Created'],
  salesChannel: ['Sales channel', 'Verkaufskanal', 'Shop'],
  customerName: ['Customer', 'Customer name', 'Kunde', 'Kundenname'],
  customerNumber: ['Customer number', 'Kundennummer'],
  tracking: ['Tracking number', 'Sendungsnummer'],
  total: ['Total', 'Order total', 'Gesamt', 'Gesamtsumme'],
  quantity: ['Quantity', 'Qty', 'Menge', 'Anzahl'],
  price: ['Price', 'Preis', 'Unit price'],
  article: ['Article', 'Artikel'],
  ean: ['EAN'],
  lineStatus: ['Status', 'Line status'],
  /** Section headings that identify pages by content. */
  articleDetails: ['Article details', 'Artikeldetails'],
  tabs: ['Initial', 'Approved', 'Fulfilled', 'All'],
  ccRequest: ['Customer Care request', 'Kundenservice-Anfrage'],
  returnHeading: ['Return', 'Return details', 'Retoure'],
} as const;
