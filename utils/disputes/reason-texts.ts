import type { DisputeReason } from '../schemas/disputes';

/**
 * Reason phrases as Amazon (chargeback and A-to-z pages), processors and card networks write them, in
 * en/de/fr/es/it. Phrases are compared after folding (lower case, accents removed, punctuation to
 * spaces) as whole words, so "Article non reçu" matches "article non recu".
 *
 * Order matters: the first category with a matching phrase wins. Refund phrases come before
 * "not received" ("refund not received" is a credit dispute), and fraud before authorization
 * ("unauthorized" is fraud, not an authorization error).
 */
export const REASON_PHRASES: readonly (readonly [DisputeReason, readonly string[]])[] = [
  [
    'credit_not_processed',
    [
      // en
      'credit not processed', 'refund not received', 'refund not processed', 'refund not issued', 'not refunded',
      'returned but not refunded', 'return not refunded', 'returned item not refunded', 'cancelled merchandise', 'credit not received',
      // de
      'erstattung nicht erhalten', 'ruckerstattung nicht erhalten', 'keine erstattung', 'keine ruckerstattung', 'nicht erstattet',
      'gutschrift nicht', 'zuruckgesendet aber nicht erstattet', 'rucksendung nicht erstattet',
      // fr
      'remboursement non recu', 'remboursement pas recu', 'non rembourse', 'pas ete rembourse', 'credit non traite', 'credit non recu',
      // es
      'reembolso no recibido', 'no reembolsado', 'credito no procesado', 'devuelto pero no reembolsado',
      // it
      'rimborso non ricevuto', 'non rimborsato', 'accredito non elaborato', 'reso non rimborsato',
    ],
  ],
  [
    'duplicate',
    [
      'duplicate', 'duplicated', 'charged twice', 'double charge', 'double charged', 'paid by other means',
      'doppelt', 'doppelte abbuchung', 'zweimal belastet', 'anderweitig bezahlt',
      'en double', 'doublon', 'debite deux fois', 'paye par un autre moyen',
      'duplicado', 'cobrado dos veces', 'cargo duplicado', 'pagado por otros medios',
      'duplicato', 'addebito duplicato', 'addebitato due volte', 'pagato con altri mezzi',
    ],
  ],
  [
    'cancelled_recurring',
    [
      'cancelled recurring', 'canceled recurring', 'recurring transaction', 'recurring billing', 'subscription cancelled',
      'subscription canceled', 'cancelled subscription', 'canceled subscription', 'automatic payment',
      'abo gekundigt', 'abonnement gekundigt', 'wiederkehrende zahlung',
      'abonnement resilie', 'abonnement annule', 'paiement recurrent',
      'suscripcion cancelada', 'pago recurrente',
      'abbonamento annullato', 'abbonamento disdetto', 'pagamento ricorrente',
    ],
  ],
  [
    'fraud_card_absent',
    [
      'fraud', 'fraudulent', 'unauthorized', 'unauthorised', 'not authorized', 'not authorised', 'did not authorize',
      'did not authorise', 'does not recognize', 'does not recognise', 'not recognized', 'not recognised', 'card absent',
      'card not present', 'no cardholder authorization',
      'betrug', 'betrugerisch', 'nicht autorisiert', 'nicht genehmigt', 'nicht erkannt',
      'fraude', 'frauduleux', 'non autorise', 'non reconnu',
      'fraudulento', 'no autorizado', 'no reconocido',
      'frode', 'fraudolento', 'non autorizzato', 'non riconosciuto',
    ],
  ],
  [
    'authorization',
    [
      'authorization', 'authorisation', 'declined authorization', 'no authorization', 'expired card',
      'autorisierung', 'keine autorisierung', 'autorisation', 'autorizacion', 'autorizzazione',
    ],
  ],
  [
    'not_as_described',
    [
      // en
      'not as described', 'significantly different', 'materially different', 'different from description',
      'different from what was ordered', 'not as advertised', 'damaged', 'defective', 'faulty', 'broken', 'wrong item',
      'counterfeit', 'misrepresentation', 'quality',
      // de
      'nicht wie beschrieben', 'erheblich abweichend', 'weicht erheblich ab', 'entspricht nicht der beschreibung',
      'beschadigt', 'defekt', 'mangelhaft', 'falscher artikel', 'falsche ware', 'falschung',
      // fr
      'non conforme', 'pas conforme', 'ne correspond pas a la description', 'different de la description',
      'sensiblement different', 'endommage', 'defectueux', 'mauvais article', 'contrefacon',
      // es
      'no es como se describe', 'no coincide con la descripcion', 'no corresponde con la descripcion',
      'significativamente distinto', 'significativamente diferente', 'danado', 'defectuoso', 'articulo equivocado',
      'falsificado',
      // it
      'non conforme alla descrizione', 'non corrisponde alla descrizione', 'significativamente diverso', 'danneggiato',
      'difettoso', 'articolo sbagliato', 'contraffatto',
    ],
  ],
  [
    'not_received',
    [
      // en
      'not received', 'item not received', 'never received', 'never arrived', 'did not arrive', 'didn t arrive',
      'has not arrived', 'not delivered', 'undelivered', 'non receipt', 'not provided', 'merchandise not received',
      'services not provided', 'missing package', 'lost in transit',
      // de
      'nicht erhalten', 'artikel nicht erhalten', 'nicht angekommen', 'nie angekommen', 'nicht geliefert', 'nicht zugestellt',
      'ware nicht erhalten', 'paket verloren',
      // fr
      'non recu', 'article non recu', 'pas recu', 'jamais recu', 'non livre', 'jamais arrive', 'pas ete livre', 'colis perdu',
      // es
      'no recibido', 'producto no recibido', 'no ha llegado', 'nunca llego', 'no entregado', 'paquete perdido',
      // it
      'non ricevuto', 'articolo non ricevuto', 'non ricevuta', 'mai arrivato', 'non consegnato', 'mancata consegna',
      'pacco smarrito',
    ],
  ],
  [
    'processing_error',
    [
      'processing error', 'incorrect amount', 'wrong amount', 'altered amount', 'late presentment', 'incorrect currency',
      'falscher betrag', 'verarbeitungsfehler', 'montant incorrect', 'erreur de traitement',
      'importe incorrecto', 'error de procesamiento', 'importo errato', 'errore di elaborazione',
    ],
  ],
];
