import type { Language } from '../schemas/common';
import { portalDisputeKind } from '../portals/catalogue';
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
  /** The card dispute's name; the portals' own kinds are named in their folders (see disputeKindLabel). */
  cardDispute: string;
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
    cardDispute: 'card dispute',
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
    cardDispute: 'Kartenrückbuchung',
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
    cardDispute: 'litige carte',
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
    cardDispute: 'disputa de tarjeta',
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
    cardDispute: 'contestazione carta',
    eventsLeftOut: (n) => `(altri ${n} eventi omessi per lunghezza)`,
    noEvents: 'Nessun evento datato.',
    noEvidence: 'Nessuna prova registrata.',
  },
};

/** How a defence in `language` names a dispute kind: the portal's own name for its kinds, else a card dispute. */
export function disputeKindLabel(kind: DisputeKind, language: Language): string {
  return portalDisputeKind(kind)?.labels[language] ?? DEFENCE_WORDS[language].cardDispute;
}
