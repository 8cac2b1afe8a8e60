import type { Language } from '../schemas/common';
import type { DisputeKind } from '../schemas/disputes';

/** The fixed words of a defence, per language. Evidence labels and timeline lines stay English for now. */
export type DefenceWords = {
  title: (disputeId: string, orderId: string) => string;
  summary: string;
  timeline: string;
  evidence: string;
  notAvailable: string;
  seller: string;
  order: string;
  dispute: string;
  reason: string;
  amount: string;
  filed: string;
  kinds: Record<DisputeKind, string>;
  eventsLeftOut: (n: number) => string;
  noEvents: string;
  noEvidence: string;
};

export const DEFENCE_WORDS: Record<Language, DefenceWords> = {
  en: {
    title: (d, o) => `Response to dispute ${d} on order ${o}`,
    summary: 'Summary',
    timeline: 'Timeline',
    evidence: 'Evidence',
    notAvailable: 'Not available',
    seller: 'Seller',
    order: 'Order',
    dispute: 'Dispute',
    reason: 'Reason',
    amount: 'Amount',
    filed: 'Filed',
    kinds: { amazon_chargeback: 'Amazon chargeback', amazon_atoz: 'A-to-z Guarantee claim', card_dispute: 'card dispute' },
    eventsLeftOut: (n) => `(${n} more event${n === 1 ? '' : 's'} left out for length)`,
    noEvents: 'No dated events on record.',
    noEvidence: 'No evidence on record.',
  },
  de: {
    title: (d, o) => `Stellungnahme zum Fall ${d}, Bestellung ${o}`,
    summary: 'Zusammenfassung',
    timeline: 'Chronologie',
    evidence: 'Nachweise',
    notAvailable: 'Nicht verfügbar',
    seller: 'Verkäufer',
    order: 'Bestellung',
    dispute: 'Fall',
    reason: 'Grund',
    amount: 'Betrag',
    filed: 'Eingereicht',
    kinds: { amazon_chargeback: 'Amazon-Rückbuchung', amazon_atoz: 'A-bis-z-Garantieantrag', card_dispute: 'Kartenrückbuchung' },
    eventsLeftOut: (n) => `(${n} weitere Ereignisse aus Platzgründen ausgelassen)`,
    noEvents: 'Keine datierten Ereignisse vorhanden.',
    noEvidence: 'Keine Nachweise vorhanden.',
  },
  fr: {
    title: (d, o) => `Réponse au litige ${d}, commande ${o}`,
    summary: 'Résumé',
    timeline: 'Chronologie',
    evidence: 'Preuves',
    notAvailable: 'Non disponible',
    seller: 'Vendeur',
    order: 'Commande',
    dispute: 'Litige',
    reason: 'Motif',
    amount: 'Montant',
    filed: 'Ouvert le',
    kinds: { amazon_chargeback: 'rétrofacturation Amazon', amazon_atoz: 'réclamation Garantie A à Z', card_dispute: 'litige carte' },
    eventsLeftOut: (n) => `(${n} autre(s) événement(s) omis faute de place)`,
    noEvents: 'Aucun événement daté.',
    noEvidence: 'Aucune preuve enregistrée.',
  },
  es: {
    title: (d, o) => `Respuesta a la disputa ${d}, pedido ${o}`,
    summary: 'Resumen',
    timeline: 'Cronología',
    evidence: 'Pruebas',
    notAvailable: 'No disponible',
    seller: 'Vendedor',
    order: 'Pedido',
    dispute: 'Disputa',
    reason: 'Motivo',
    amount: 'Importe',
    filed: 'Presentada',
    kinds: { amazon_chargeback: 'contracargo de Amazon', amazon_atoz: 'reclamación de la Garantía de la A a la Z', card_dispute: 'disputa de tarjeta' },
    eventsLeftOut: (n) => `(${n} evento(s) más omitido(s) por extensión)`,
    noEvents: 'No hay eventos fechados.',
    noEvidence: 'No hay pruebas registradas.',
  },
  it: {
    title: (d, o) => `Risposta alla contestazione ${d}, ordine ${o}`,
    summary: 'Riepilogo',
    timeline: 'Cronologia',
    evidence: 'Prove',
    notAvailable: 'Non disponibile',
    seller: 'Venditore',
    order: 'Ordine',
    dispute: 'Contestazione',
    reason: 'Motivo',
    amount: 'Importo',
    filed: 'Aperta il',
    kinds: { amazon_chargeback: 'chargeback Amazon', amazon_atoz: 'reclamo Garanzia dalla A alla Z', card_dispute: 'contestazione carta' },
    eventsLeftOut: (n) => `(altri ${n} eventi omessi per lunghezza)`,
    noEvents: 'Nessun evento datato.',
    noEvidence: 'Nessuna prova registrata.',
  },
};
