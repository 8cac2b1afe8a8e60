/**
 * zDirect hooks, all (unverified): the portal's markup is not public, so every `data-testid` here was
 * designed for the sandbox pages and each field also has a label, structure or URL fallback
 * (read.ts). What is known from Zalando's Partner University: status tabs Initial / Approved /
 * Fulfilled / All with counts, a merchant drop-down, order numbers that open the order, and an
 * "Article details" section with a status drop-down per line.
 */
const testId = (id: string) => `[data-testid="${id}"]`;

export const HOOKS = {
  orderNumber: [testId('order-number'), testId('cc-order-number'), testId('return-order-number')],
  /** The order's UUID as text, or as a data attribute on the order's header. */
  orderUuidText: [testId('order-id')],
  orderUuidAttribute: '[data-order-id]',
  customerName: [testId('customer-name'), testId('cc-customer'), testId('return-customer')],
  customerNumber: [testId('customer-number')],
  salesChannel: [testId('sales-channel')],
  status: [testId('order-status')],
  orderDate: [testId('order-date')],
  orderType: [testId('order-type')],
  shippingAddress: [testId('shipping-address')],
  billingAddress: [testId('billing-address')],
  addressType: testId('address-type'),
  tracking: [testId('tracking-number')],
  articleTable: [testId('article-details')],
  total: [testId('order-total')],
  returnId: [testId('return-id')],
  returnReason: [testId('return-reason')],
  returnRequestedAt: [testId('return-date')],
  returnReceivedAt: [testId('return-received-date')],
  returnStatus: [testId('return-status')],
  returnAmount: [testId('return-amount')],
  requestId: [testId('cc-request-id')],
  requestSubject: [testId('cc-subject')],
  requestBody: [testId('cc-message-body')],
  requestReceivedAt: [testId('cc-received-at'), testId('cc-received')],
  requestFrom: [testId('cc-from')],
} as const;

/** Page roots the sandbox pages carry; a page without them is still read by its content. */
export const PAGE_HOOKS = [testId('order-detail'), testId('return-detail'), testId('cc-request'), testId('cc-request-detail'), testId('order-list')] as const;

export const SPINNERS = ['[role="progressbar"]', '.z-spinner'] as const;

/** Reply boxes, best first; feedback and search boxes are filtered out by the shared finder. */
export const REPLY_BOX = [
  testId('cc-reply') + ' textarea',
  testId('cc-reply-form') + ' textarea',
  'textarea[name="reply"]',
  'textarea',
  '[contenteditable="true"][role="textbox"]',
  '[contenteditable="true"]',
] as const;

/**
 * Labels as zDirect might print them. The portal's own UI languages are not public: English and
 * German are the Partner University's; the others follow the shops' languages and are (unverified).
 */
export const LABELS = {
  orderNumber: [
    'Order number',
    'Order no.',
    'Order',
    'Bestellnummer',
    'Auftragsnummer',
    'Numéro de commande',
    'Numero ordine',
    'Número de pedido',
    'Bestelnummer',
    'Numer zamówienia',
    'Ordernummer',
  ],
  /** The UUID: "Order ID" on the sandbox's order page. */
  orderUuid: ['Order ID', 'Bestell-ID', 'ID de commande', 'ID ordine', 'ID de pedido'],
  status: ['Order status', 'Status', 'Bestellstatus', 'Statut', 'Stato', 'Estado'],
  orderDate: [
    'Order date',
    'Created',
    'Bestelldatum',
    'Bestellt am',
    'Date de commande',
    'Data ordine',
    'Fecha del pedido',
    'Besteldatum',
    'Data zamówienia',
    'Orderdatum',
  ],
  salesChannel: [
    'Sales channel',
    'Shop',
    'Verkaufskanal',
    'Canal de vente',
    'Canale di vendita',
    'Canal de venta',
    'Verkoopkanaal',
    'Kanał sprzedaży',
    'Försäljningskanal',
  ],
  customerName: ['Customer', 'Customer name', 'Kunde', 'Kundin', 'Kundenname', 'Client', 'Cliente', 'Klant', 'Klient', 'Kund'],
  customerNumber: ['Customer number', 'Kundennummer', 'Numéro client', 'Numero cliente', 'Número de cliente', 'Klantnummer', 'Numer klienta', 'Kundnummer'],
  shippingAddress: [
    'Delivery address',
    'Shipping address',
    'Lieferadresse',
    'Versandadresse',
    'Adresse de livraison',
    'Indirizzo di consegna',
    'Dirección de entrega',
    'Bezorgadres',
    'Adres dostawy',
    'Leveransadress',
  ],
  billingAddress: ['Billing address', 'Rechnungsadresse', 'Adresse de facturation', 'Indirizzo di fatturazione', 'Dirección de facturación', 'Factuuradres'],
  addressType: ['Address type', 'Adresstyp'],
  tracking: ['Tracking number', 'Return tracking', 'Sendungsnummer', 'Numéro de suivi', 'Numero di tracciamento'],
  total: ['Total', 'Order total', 'Gesamt', 'Gesamtsumme', 'Bestellsumme', 'Total de la commande', 'Totale'],
  quantity: ['Quantity', 'Qty', 'Menge', 'Anzahl', 'Quantité', 'Quantità', 'Cantidad'],
  price: ['Price', 'Unit price', 'Preis', 'Prix', 'Prezzo', 'Precio'],
  article: ['Article', 'Artikel', 'Articolo', 'Artículo'],
  ean: ['EAN'],
  lineStatus: ['Status', 'Line status', 'Status der Position'],
  returnReason: ['Return reason', 'Reason', 'Rücksendegrund', 'Grund', 'Motif du retour', 'Motivo del reso', 'Motivo de la devolución'],
  returnRequestedAt: ['Return registered', 'Announced', 'Retoure angemeldet', 'Angemeldet', 'Retour enregistré'],
  returnReceivedAt: ['Received', 'Return received', 'Retoure erhalten', 'Eingegangen'],
  returnAmount: ['Refund', 'Erstattung'],
  requestReceivedAt: ['Received', 'Received at', 'Eingegangen', 'Eingegangen am', 'Reçu le', 'Ricevuto il', 'Recibido', 'Ontvangen', 'Otrzymano', 'Mottaget'],
  requestTopic: ['Topic', 'Subject', 'Thema', 'Betreff', 'Sujet', 'Oggetto', 'Asunto'],
  /** Headings that introduce Customer Care's message. */
  requestMessageHeading: ['Message from Zalando Customer Care', 'Nachricht des Zalando Kundenservice', 'Nachricht vom Zalando Kundenservice'],
  /** Who wrote a message in a request thread. */
  customerCareSender: ['Zalando Customer Care', 'Zalando Kundenservice', 'Service client Zalando', 'Servizio clienti Zalando'],
  partnerSender: ['You', 'Sie', 'Vous', 'Tu', 'Usted', 'Partner'],
} as const;

/** Headings and tabs that tell the page kinds apart when the path is unknown. */
export const PAGE_SIGNS = {
  articleDetails: ['Article details', 'Artikeldetails', 'Détails des articles', 'Dettagli articolo', 'Detalles del artículo'],
  /** Status tabs of the orders list; "All" varies by language, the status names stay English on the known pages. */
  statusTabs: {
    initial: ['Initial'],
    approved: ['Approved', 'Genehmigt', 'Bestätigt'],
    fulfilled: ['Fulfilled', 'Erfüllt', 'Versendet'],
    all: ['All', 'Alle', 'Tout', 'Tutti', 'Todos'],
  },
  customerCare: [
    'Customer Care request',
    'Customer Care requests',
    'Kundenservice-Anfrage',
    'Kundenservice-Anfragen',
    'Demande du service client',
    'Richiesta del servizio clienti',
  ],
  returns: ['Return', 'Returns', 'Return details', 'Retoure', 'Retouren', 'Retoure zur Bestellung', 'Retour', 'Retours', 'Reso', 'Resi', 'Devolución'],
  order: ['Order', 'Bestellung', 'Commande', 'Ordine', 'Pedido', 'Bestelling', 'Zamówienie'],
  orderList: ['Orders', 'Order overview', 'Bestellungen', 'Bestellübersicht', 'Commandes', 'Ordini', 'Pedidos'],
} as const;
