/**
 * What the Mirakl seller back office calls things, in the UI languages operators run it in (en, fr, de, es,
 * it, nl, pl). The English words follow operators' help pages (tests/fixtures/mirakl/README.md); the other
 * languages are plausible translations, so every field is read by several words and states map from
 * several labels. Lower case is not needed: labels are folded before comparing.
 */

export const LABELS = {
  created: [
    'Date created',
    'Created on',
    'Order date',
    'Date de création',
    'Créée le',
    'Erstellt am',
    'Bestellt am',
    'Fecha de creación',
    'Data di creazione',
    'Aangemaakt op',
    'Data utworzenia',
  ],
  customer: ['Customer', 'Client', 'Kunde', 'Cliente', 'Klant', 'Klient'],
  shippingAddress: [
    'Shipping address',
    'Delivery address',
    'Adresse de livraison',
    'Lieferadresse',
    'Dirección de envío',
    'Indirizzo di spedizione',
    'Verzendadres',
    'Adres dostawy',
  ],
  deliveryCountry: ['Delivery country', 'Pays de livraison', 'Lieferland', 'País de entrega', 'Paese di consegna', 'Land van levering', 'Kraj dostawy'],
  shipBefore: [
    'Ship before',
    'Ship by',
    'À expédier avant le',
    'Expédier avant le',
    'Versand bis',
    'Versenden bis',
    'Enviar antes del',
    'Spedire entro',
    'Verzenden vóór',
    'Wyślij do',
  ],
  acceptBefore: [
    'Accept before',
    'Accept by',
    'À accepter avant le',
    'Accepter avant le',
    'Akzeptieren bis',
    'Annehmen bis',
    'Aceptar antes del',
    'Accettare entro',
    'Accepteren vóór',
    'Zaakceptuj do',
  ],
  status: ['Status', 'State', 'Statut', 'État', 'Estado', 'Stato', 'Stan'],
  channel: ['Channel', 'Sales channel', 'Canal', 'Vertriebskanal', 'Kanal', 'Canal de venta', 'Canale', 'Verkoopkanaal', 'Kanaal', 'Kanał sprzedaży'],
  subtotal: [
    'Products',
    'Products total',
    'Montant des produits',
    'Warenwert',
    'Importe de los productos',
    'Totale prodotti',
    'Productbedrag',
    'Wartość produktów',
  ],
  shipping: ['Shipping', 'Shipping price', 'Frais de port', 'Versandkosten', 'Gastos de envío', 'Spedizione', 'Verzendkosten', 'Koszt dostawy'],
  total: [
    'Order total (incl. VAT)',
    'Order total',
    'Total',
    'Amount',
    'Montant total TTC',
    'Montant total',
    'Gesamtbetrag (inkl. MwSt.)',
    'Gesamtbetrag',
    'Importe total',
    'Importe',
    'Totale ordine (IVA inclusa)',
    'Totale ordine',
    'Importo',
    'Totaal',
    'Bedrag',
    'Razem (brutto)',
    'Kwota',
  ],
  orderColumn: ['Order', 'Order number', 'Commande', 'Bestellung', 'Pedido', 'N.º de pedido', 'Ordine', 'Bestelnummer', 'Bestelling', 'Zamówienie'],
  product: ['Product', 'Produit', 'Produkt', 'Producto', 'Prodotto', 'Artikel', 'Produkt'],
  sku: ['Shop SKU', 'SKU', 'SKU vendeur', 'Shop-SKU', 'SKU del vendedor', 'SKU venditore', 'Winkel-SKU', 'SKU sklepu'],
  quantity: ['Quantity', 'Qty', 'Quantité', 'Menge', 'Cantidad', 'Quantità', 'Aantal', 'Ilość'],
  unitPrice: ['Unit price', 'Prix unitaire', 'Stückpreis', 'Precio unitario', 'Prezzo unitario', 'Stukprijs', 'Cena jedn.', 'Cena jednostkowa'],
  incidentReason: ['Reason', 'Motif', 'Grund', 'Motivo', 'Reden', 'Powód'],
  incidentOpened: ['Opened on', 'Ouvert le', 'Eröffnet am', 'Abierta el', 'Aperto il', 'Geopend op', 'Otwarta dnia'],
  incidentOpenedBy: ['Opened by', 'Ouvert par', 'Eröffnet von', 'Abierta por', 'Aperto da', 'Geopend door', 'Otwarta przez'],
  incidentLine: ['Line concerned', 'Order line', 'Ligne concernée', 'Betroffene Position', 'Línea afectada', 'Riga interessata', 'Betrokken regel', 'Pozycja'],
  incidentLineState: [
    'Line status',
    'Statut de la ligne',
    'Positionsstatus',
    'Estado de la línea',
    'Stato della riga',
    'Status van de regel',
    'Status pozycji',
  ],
  incidentAmount: ['Amount', 'Montant', 'Betrag', 'Importe', 'Importo', 'Bedrag', 'Kwota'],
} as const;

/** Mirakl's order states (API names) by the labels the back office shows for them. */
export const ORDER_STATES: Readonly<Record<string, readonly string[]>> = {
  STAGING: ['Fraud check', 'Contrôle de fraude', 'Betrugsprüfung'],
  WAITING_ACCEPTANCE: [
    'Waiting for acceptance',
    'Pending acceptance',
    'Awaiting acceptance',
    "En attente d'acceptation",
    'Warten auf Annahme',
    'Wartet auf Annahme',
    'En espera de aceptación',
    'Pendiente de aceptación',
    'In attesa di accettazione',
    'Wacht op acceptatie',
    'Oczekuje na akceptację',
  ],
  WAITING_DEBIT: [
    'Waiting for debit',
    'En attente de débit',
    'Warten auf Belastung',
    'En espera de cargo',
    'In attesa di addebito',
    'Wacht op debitering',
    'Oczekuje na obciążenie',
  ],
  WAITING_DEBIT_PAYMENT: [
    'Waiting for payment',
    'En attente de paiement',
    'Warten auf Zahlung',
    'En espera de pago',
    'In attesa di pagamento',
    'Wacht op betaling',
    'Oczekuje na płatność',
  ],
  SHIPPING: [
    'Shipping in progress',
    'To ship',
    'Expédition en cours',
    'À expédier',
    'Versand in Bearbeitung',
    'Zu versenden',
    'Envío en curso',
    'Pendiente de envío',
    'Spedizione in corso',
    'Da spedire',
    'Verzending bezig',
    'Te verzenden',
    'W trakcie wysyłki',
    'Do wysłania',
  ],
  SHIPPED: ['Shipped', 'Expédiée', 'Expédié', 'Versendet', 'Versandt', 'Enviado', 'Spedito', 'Verzonden', 'Wysłane'],
  TO_COLLECT: ['To collect', 'À retirer', 'Zur Abholung', 'Para recoger', 'Da ritirare', 'Af te halen', 'Do odbioru'],
  RECEIVED: [
    'Received',
    'Delivered',
    'Reçue',
    'Reçu',
    'Livrée',
    'Erhalten',
    'Zugestellt',
    'Recibido',
    'Entregado',
    'Ricevuto',
    'Consegnato',
    'Ontvangen',
    'Geleverd',
    'Dostarczone',
    'Odebrane',
  ],
  CLOSED: ['Closed', 'Clôturée', 'Fermée', 'Abgeschlossen', 'Cerrado', 'Chiuso', 'Gesloten', 'Zamknięte'],
  REFUSED: ['Refused', 'Refusée', 'Abgelehnt', 'Rechazado', 'Rifiutato', 'Geweigerd', 'Odrzucone'],
  CANCELED: ['Canceled', 'Cancelled', 'Annulée', 'Storniert', 'Cancelado', 'Annullato', 'Geannuleerd', 'Anulowane'],
};

/** Line states beyond the order's own. */
export const LINE_STATES: Readonly<Record<string, readonly string[]>> = {
  INCIDENT_OPEN: ['Incident open', 'Incident ouvert', 'Reklamation offen', 'Incidencia abierta', 'Reclamo aperto', 'Incident open', 'Reklamacja otwarta'],
  INCIDENT_CLOSED: [
    'Incident closed',
    'Incident clos',
    'Reklamation geschlossen',
    'Incidencia cerrada',
    'Reclamo chiuso',
    'Incident gesloten',
    'Reklamacja zamknięta',
  ],
  REFUNDED: ['Refunded', 'Remboursé', 'Remboursée', 'Erstattet', 'Reembolsado', 'Rimborsato', 'Terugbetaald', 'Zwrócono'],
};

export const INCIDENT_STATES: Readonly<Record<'NEW' | 'IN_PROGRESS' | 'RESOLVED' | 'DISPUTED' | 'CLOSED', readonly string[]>> = {
  NEW: ['New', 'Open', 'Nouveau', 'Ouvert', 'Neu', 'Offen', 'Nueva', 'Abierta', 'Nuovo', 'Aperto', 'Nieuw', 'Nowa', 'Otwarta'],
  IN_PROGRESS: ['In progress', 'En cours', 'In Bearbeitung', 'En curso', 'In corso', 'In behandeling', 'W toku', 'W trakcie'],
  RESOLVED: ['Resolved', 'Résolu', 'Gelöst', 'Resuelta', 'Risolto', 'Opgelost', 'Rozwiązana'],
  DISPUTED: ['Disputed', 'Contesté', 'Angefochten', 'Strittig', 'Disputada', 'Contestato', 'Betwist', 'Sporna'],
  CLOSED: ['Closed', 'Clôturé', 'Fermé', 'Geschlossen', 'Cerrada', 'Chiuso', 'Gesloten', 'Zamknięta'],
};

/** Who wrote a message, by the role word the thread shows beside the author. */
export const ROLES: Readonly<Record<'CUSTOMER' | 'OPERATOR' | 'SHOP', readonly string[]>> = {
  CUSTOMER: ['Customer', 'Client', 'Cliente', 'Kunde', 'Klant', 'Klient', 'Klientka'],
  OPERATOR: ['Operator', 'Opérateur', 'Betreiber', 'Operador', 'Operatore', 'Operator'],
  SHOP: ['Shop', 'Seller', 'Boutique', 'Vendeur', 'Verkäufer', 'Vendedor', 'Tienda', 'Venditore', 'Negozio', 'Winkel', 'Verkoper', 'Sklep', 'Sprzedawca'],
};

/** "Marketplace" after an operator's name in the header ("Boulanger Marketplace"). */
export const MARKETPLACE_WORD = /\s*\b(?:marketplace|marktplatz|marché|mercado|mercato|marktplaats|platforma)\b\s*/gi;

/** Spinners and progress bars while the React app renders. */
export const SPINNERS = ['[role="progressbar"]', '[aria-busy="true"]'];

/** Element ids seen in public scripts for the back office (grade C): the hook tier. */
export const HOOKS = {
  orderId: ['#order-id'],
  orderState: ['#order-state'],
  created: ['#order-date-created', '#order-created'],
  shipBefore: ['#order-shipping-deadline'],
  customer: ['#customer-name'],
  shippingAddress: ['#shipping-address'],
  total: ['#order-total-price'],
  incidentState: ['#incident-state'],
  incidentReason: ['#incident-reason'],
  replyBox: ['#message-body', '#incident-reply-body'],
} as const;

/** Reply boxes, best first: the hooks, then any textarea in the thread's form. */
export const REPLY_BOX = [...HOOKS.replyBox, 'form textarea', 'textarea'];
