/**
 * Every Seller Central hook in one place. Each names the fixture(s) in tests/fixtures/amazon that
 * prove it. `data-test-id` hooks on the order page come from several public scripts
 * (shared/portal-reference.md); hooks marked (unverified) were designed for our fixtures and are the
 * first to check when a page reports `unrecognized`. Labels are fallbacks when hooks vanish.
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
  /** Totals box (sale proceeds). */
  totalsBox: [testId('sale-proceeds'), '.sale-proceeds', '#MYO-app'],
} as const;

/** Order list rows link to order details. com-order-list. (unverified: table hook) */
export const ORDER_LIST = {
  anchors: [testId('orders-table'), '#orders-table', 'a[href*="/orders-v3/order/"]'],
  orderLinks: 'a[href*="/orders-v3/order/"]',
} as const;

/** Buyer thread and contact-buyer form. uk-message, com-hostile-message, de-contact-buyer. (unverified) */
export const MESSAGE = {
  anchors: [testId('thread-view'), '.contact-buyer-text-area', testId('contact-buyer-form')],
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
  anchors: [testId('chargeback-details')],
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
  anchors: [testId('return-request-card')],
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
  '.reply-area kat-textarea',
  '[data-test-id="thread-reply"] kat-textarea',
  'kat-textarea',
  '.reply-area textarea',
  'textarea[name="response"]',
  '.reply-area [contenteditable="true"]',
  '[contenteditable="true"][role="textbox"]',
  'form textarea:not([readonly]):not([disabled])',
] as const;

/** Label text per language, for fallbacks and for label/value rows that have no hooks. */
export const LABELS = {
  orderId: ['Order ID', 'Order #', 'Bestellnummer', 'Numéro de commande', 'Numero ordine', 'ID ordine', 'Número de pedido', 'N.º de pedido', '注文番号'],
  buyerName: ['Buyer name', 'Buyer', 'Customer', 'Käufername', 'Käufer', 'Nom de l\'acheteur', 'Acheteur', 'Nome acquirente', 'Acquirente', 'Nombre del comprador', 'Comprador', '購入者名'],
  purchaseDate: ['Purchase date', 'Kaufdatum', 'Date d\'achat', 'Data di acquisto', 'Fecha de compra', '購入日'],
  shipBy: ['Ship by', 'Versand bis', 'Expédier avant le', 'Spedire entro', 'Enviar antes de', '出荷予定日'],
  subtotal: ['Item subtotal', 'Zwischensumme Artikel', 'Sous-total des articles', 'Subtotale articoli', 'Subtotal de productos', '商品の小計'],
  shipping: ['Shipping total', 'Versand gesamt', 'Total livraison', 'Totale spedizione', 'Total envío', '配送料の合計'],
  total: ['Item total', 'Gesamtsumme', 'Total de l\'article', 'Totale articolo', 'Total del producto', '商品の合計', 'Order total', 'Total del pedido'],
  quantity: ['Quantity', 'Qty', 'Menge', 'Quantité', 'Quantità', 'Cantidad', '数量'],
  unitPrice: ['Unit price', 'Stückpreis', 'Prix unitaire', 'Prezzo unitario', 'Precio unitario', '単価', 'Price', 'Precio'],
} as const;
