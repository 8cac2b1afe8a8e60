/**
 * What the admin prints, in the languages Caseside's agents use it in. Shopify's admin markup is not
 * public and its class names are hashed per build (tests/fixtures/shopify/README.md), so the adapter
 * anchors on these words: section headings, row labels, badges, the dispute banner. The English follows
 * Shopify's help pages; the other languages follow the admin's translations as merchants quote them
 * (unverified where a help page does not show them).
 */
export const SECTIONS = {
  customer: ['Customer', 'Kunde', 'Kundin', 'Client', 'Cliente'],
  shippingAddress: [
    'Shipping address',
    'Lieferadresse',
    'Versandadresse',
    'Adresse de livraison',
    "Adresse d'expédition",
    'Dirección de envío',
    'Indirizzo di spedizione',
  ],
  billingAddress: ['Billing address', 'Rechnungsadresse', 'Adresse de facturation', 'Dirección de facturación', 'Indirizzo di fatturazione'],
  timeline: ['Timeline', 'Verlauf', 'Zeitleiste', 'Chronologie', 'Cronología', 'Cronologia'],
  fraudAnalysis: [
    'Fraud analysis',
    'Order risk',
    'Risk analysis',
    'Betrugsanalyse',
    'Bestellrisiko',
    'Analyse des fraudes',
    'Analyse de fraude',
    'Risque de la commande',
    'Análisis de fraude',
    'Riesgo del pedido',
    'Analisi delle frodi',
    'Rischio ordine',
  ],
} as const;

/** Rows of the payment card: the label on the left, the amount on the right. */
export const PAYMENT_ROWS = {
  subtotal: ['Subtotal', 'Zwischensumme', 'Sous-total', 'Subtotale'],
  shipping: ['Shipping', 'Versand', 'Expédition', 'Livraison', 'Envío', 'Spedizione'],
  total: ['Total', 'Gesamt', 'Gesamtbetrag', 'Totale'],
} as const;

/** "Leave a comment..." and its translations: the timeline's comment box (staff-only notes). */
export const COMMENT_BOX = [
  'Leave a comment',
  'Kommentar hinterlassen',
  'Laisser un commentaire',
  'Deja un comentario',
  'Dejar un comentario',
  'Lascia un commento',
] as const;

/** Header badges: Shopify's displayFinancialStatus and displayFulfillmentStatus, by their printed words. */
export const FINANCIAL_STATUS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['PARTIALLY_REFUNDED', ['Partially refunded', 'Teilweise erstattet', 'Partiellement remboursé', 'Parcialmente reembolsado', 'Parzialmente rimborsato']],
  ['PARTIALLY_PAID', ['Partially paid', 'Teilweise bezahlt', 'Partiellement payé', 'Parcialmente pagado', 'Parzialmente pagato']],
  [
    'PENDING',
    [
      'Payment pending',
      'Pending',
      'Zahlung ausstehend',
      'Ausstehend',
      'Paiement en attente',
      'En attente',
      'Pago pendiente',
      'Pendiente',
      'Pagamento in sospeso',
      'In sospeso',
    ],
  ],
  ['AUTHORIZED', ['Authorized', 'Authorised', 'Autorisiert', 'Autorisé', 'Autorizado', 'Autorizzato']],
  ['REFUNDED', ['Refunded', 'Erstattet', 'Rückerstattet', 'Remboursé', 'Reembolsado', 'Rimborsato']],
  ['VOIDED', ['Voided', 'Storniert', 'Annulé', 'Anulado', 'Annullato']],
  ['EXPIRED', ['Expired', 'Abgelaufen', 'Expiré', 'Caducado', 'Scaduto']],
  ['PAID', ['Paid', 'Bezahlt', 'Payé', 'Payée', 'Pagado', 'Pagato']],
];

export const FULFILLMENT_STATUS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['PARTIALLY_FULFILLED', ['Partially fulfilled', 'Teilweise erfüllt', 'Partiellement traité', 'Preparado parcialmente', 'Parzialmente evaso']],
  ['UNFULFILLED', ['Unfulfilled', 'Nicht erfüllt', 'Non traité', 'No preparado', 'Non evaso']],
  ['FULFILLED', ['Fulfilled', 'Erfüllt', 'Traité', 'Preparado', 'Evaso']],
  ['ON_HOLD', ['On hold', 'Zurückgestellt', 'En attente de traitement', 'En espera', 'In attesa']],
  ['SCHEDULED', ['Scheduled', 'Geplant', 'Planifié', 'Programado', 'Programmato']],
];

/** The risk badge in the fraud-analysis card: OrderRiskAssessment.riskLevel by its printed word. */
export const RISK_LEVELS: ReadonlyArray<readonly ['HIGH' | 'MEDIUM' | 'LOW' | 'NONE' | 'PENDING', readonly string[]]> = [
  ['HIGH', ['High', 'Hoch', 'Élevé', 'Élevée', 'Alto', 'Alta']],
  ['MEDIUM', ['Medium', 'Mittel', 'Moyen', 'Moyenne', 'Medio', 'Media']],
  ['LOW', ['Low', 'Niedrig', 'Gering', 'Faible', 'Bajo', 'Baja', 'Basso', 'Bassa']],
  ['NONE', ['None', 'Keine', 'Kein', 'Aucun', 'Aucune', 'Ninguno', 'Ninguna', 'Nessuno', 'Nessuna']],
  ['PENDING', ['Pending', 'Ausstehend', 'En attente', 'En cours', 'Pendiente', 'In attesa', 'In corso']],
];

export const RECOMMENDATION_LABEL = ['Recommendation', 'Empfehlung', 'Recommandation', 'Recomendación', 'Consiglio', 'Raccomandazione'] as const;

/** The recommendation's wording, by the verb it starts with (Shopify's ACCEPT reads "Fulfill the order"). */
export const RECOMMENDATIONS: ReadonlyArray<readonly ['CANCEL' | 'INVESTIGATE' | 'ACCEPT', RegExp]> = [
  ['CANCEL', /\b(cancel|stornier|annule|cancela|annulla)/i],
  ['INVESTIGATE', /\b(investigate|review|prüf|überprüf|examine|vérifie|investiga|revisa|verifica|esamina)/i],
  ['ACCEPT', /\b(fulfil|erfüll|trait|expédi|prepara|evadi|evader)/i],
];

/** Shopify analysed the order and gave no recommendation (riskLevel NONE, recommendation NONE). */
export const NO_RECOMMENDATION =
  /no recommendation|hasn't provided a recommendation|has not provided a recommendation|keine empfehlung|aucune recommandation|ninguna recomendación|sin recomendación|nessun consiglio|non ha fornito un consiglio/i;

/** The dispute banner (Shopify Payments chargebacks and inquiries) and the timeline entry that opened it. */
export const DISPUTE = {
  chargeback: /\b(chargeback|rückbuchung|rétrofacturation|contestation de paiement|contracargo|storno)/i,
  inquiry: /\b(inquiry|enquiry|anfrage|demande de renseignements|demande d'information|consulta|solicitud de información|richiesta di informazioni)/i,
  status: [
    ['WON', /\b(won|gewonnen|gagnée?|ganado|vinto|resolved in your favou?r|zu deinen gunsten|en votre faveur|a tu favor|a tuo favore)/i],
    ['LOST', /\b(lost|verloren|perdue?|perdido|perso)\b/i],
    ['ACCEPTED', /\b(accepted|akzeptiert|acceptée?|aceptado|accettato)\b/i],
    ['UNDER_REVIEW', /\b(under review|submitted|in prüfung|eingereicht|en cours d'examen|soumise?|en revisión|enviado|in revisione|inviato)/i],
    [
      'NEEDS_RESPONSE',
      /\b(open|offen|ouverte?|abierto|aperto|needs? response|antwort erforderlich|réponse requise|respuesta necesaria|risposta necessaria)\b/i,
    ],
  ] as ReadonlyArray<readonly ['WON' | 'LOST' | 'ACCEPTED' | 'UNDER_REVIEW' | 'NEEDS_RESPONSE', RegExp]>,
  /** "Reason:" before the reason's words. */
  reasonLabel: /(?:reason|grund|motif|motivo)\s*[:：]\s*$/i,
  /** A timeline entry of the dispute's opening: "A chargeback ... was opened", "Se abrió un contracargo". */
  opened: /(?<![a-z])(opened|eröffnet|ouverte?|abrió|abierto|aperto)(?![a-z])/i,
} as const;

/** Shopify's dispute reasons (ShopifyPaymentsDisputeReason) by the words the banner uses. */
export const DISPUTE_REASONS: ReadonlyArray<readonly [string, RegExp]> = [
  ['PRODUCT_NOT_RECEIVED', /not received|nicht erhalten|non reçu|no recibido|non ricevuto/i],
  ['PRODUCT_UNACCEPTABLE', /unacceptable|nicht akzeptabel|mangelhaft|inacceptable|inaceptable|inaccettabile/i],
  ['UNRECOGNIZED', /unrecogni[sz]ed|nicht erkannt|non reconnu|no reconocido|non riconosciuto/i],
  ['FRAUDULENT', /fraud|betrug|betrügerisch|frauduleu|fraudulent|fraudolent/i],
  ['DUPLICATE', /duplicate|doppelt|dupliqu|duplicad|duplicat/i],
  ['CREDIT_NOT_PROCESSED', /credit not processed|gutschrift|crédit non|crédito no|credito non/i],
  ['SUBSCRIPTION_CANCELED', /subscription|abonnement|suscripción|abbonamento/i],
  ['GENERAL', /general|allgemein|général|generale/i],
];

/** Words of an order-list page's heading when the URL does not say. */
export const ORDER_LIST_HEADINGS = ['Orders', 'Bestellungen', 'Commandes', 'Pedidos', 'Ordini'] as const;
