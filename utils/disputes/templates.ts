import type { Language } from '../schemas/common';
import { DEFENCE_PLACEHOLDERS, type DefencePlaceholder, type DefenceTemplate, type DisputeReason } from '../schemas/disputes';

type Draft = Omit<DefenceTemplate, 'reason' | 'language'>;

/**
 * The built-in arguments, one per reason, English for all and German for the service disputes most
 * A-to-z claims on amazon.de are about. A line whose placeholder has no value is left out (see
 * fillTemplate), so each template names every fact that would help and the defence keeps those the
 * case has. Leads copy and edit these per team; the schema rejects unknown placeholders.
 */
const EN: Record<DisputeReason, Draft> = {
  not_received: {
    title: 'The order was delivered',
    argument: [
      'The buyer states that order {{orderId}} was not received.',
      'The order was shipped on {{shippedAt}} with {{carrier}}.',
      'The tracking number is {{trackingNumber}}.',
      'The carrier confirms delivery on {{deliveredAt}} to the address the buyer gave: {{shippingAddress}}.',
      'We exchanged {{messageCount}} messages with the buyer about this order and offered our help.',
      'As the carrier confirms delivery on {{deliveredAt}}, we ask that the dispute be decided in our favour.',
    ].join('\n'),
  },
  not_as_described: {
    title: 'The item matched its description',
    argument: [
      'The buyer states that the item of order {{orderId}} was not as described.',
      'The item sold was: {{itemTitles}}. The listing describes it accurately; the evidence below lists what supports this.',
      'The order was delivered on {{deliveredAt}}.',
      'We exchanged {{messageCount}} messages with the buyer and offered a return under our return policy.',
      'The return was received on {{returnReceivedAt}}.',
      'As the item matched its description, we ask that the dispute be decided in our favour.',
    ].join('\n'),
  },
  credit_not_processed: {
    title: 'The refund was issued',
    argument: [
      'The buyer states that a credit for order {{orderId}} was not processed.',
      'The returned item was received on {{returnReceivedAt}}.',
      'We issued a refund of {{refundAmount}} on {{refundedAt}}, in line with our return policy; as the buyer has the credit they ask for, we ask that the dispute be decided in our favour.',
    ].join('\n'),
  },
  fraud_card_absent: {
    title: 'The cardholder made this purchase',
    argument: [
      'The cardholder states that they did not authorize the payment for order {{orderId}} of {{amount}}.',
      'Compelling Evidence 3.0: {{ce3Summary}}. These undisputed payments link the cardholder to this purchase.',
      'The order was delivered on {{deliveredAt}} to {{shippingAddress}}.',
      'The tracking number is {{trackingNumber}}.',
      'We ask that the dispute be reversed.',
    ].join('\n'),
  },
  authorization: {
    title: 'The payment was authorized',
    argument: [
      'The payment of {{amount}} for order {{orderId}} was authorized by the issuer before the order was processed.',
      'The authorization record is included in the evidence below.',
      'We ask that the dispute be reversed.',
    ].join('\n'),
  },
  processing_error: {
    title: 'The payment was processed correctly',
    argument: [
      'The payment of {{amount}} for order {{orderId}} matches the order the buyer placed on {{purchasedAt}}.',
      'We refunded {{refundAmount}} on {{refundedAt}}.',
      'The receipt in the evidence below shows the amount and currency charged. We ask that the dispute be reversed.',
    ].join('\n'),
  },
  duplicate: {
    title: 'The charges are for separate purchases',
    argument: [
      'The charge of {{amount}} for order {{orderId}} is not a duplicate: it belongs to a separate purchase.',
      'We refunded {{refundAmount}} on {{refundedAt}}.',
      'The evidence below shows each charge and its order. We ask that the dispute be reversed.',
    ].join('\n'),
  },
  cancelled_recurring: {
    title: 'The subscription was active when charged',
    argument: [
      'The charge of {{amount}} for order {{orderId}} was made under subscription terms the customer accepted.',
      'The customer did not ask to cancel before this charge; our messages with the customer ({{messageCount}}) show no cancellation request.',
      'We ask that the dispute be reversed.',
    ].join('\n'),
  },
  other: {
    title: 'Our response',
    argument: [
      'We contest the dispute on order {{orderId}} of {{amount}}.',
      'The order was placed on {{purchasedAt}} and delivered on {{deliveredAt}} (tracking {{trackingNumber}}).',
      'The evidence and the timeline below set out what happened. We ask that the dispute be decided in our favour.',
    ].join('\n'),
  },
};

const DE: Partial<Record<DisputeReason, Draft>> = {
  not_received: {
    title: 'Die Bestellung wurde zugestellt',
    argument: [
      'Der Käufer gibt an, die Bestellung {{orderId}} nicht erhalten zu haben.',
      'Die Bestellung wurde am {{shippedAt}} mit {{carrier}} versandt.',
      'Die Sendungsnummer lautet {{trackingNumber}}.',
      'Der Versanddienstleister bestätigt die Zustellung am {{deliveredAt}} an die vom Käufer angegebene Adresse: {{shippingAddress}}.',
      'Wir haben mit dem Käufer {{messageCount}} Nachrichten zu dieser Bestellung ausgetauscht und unsere Hilfe angeboten.',
      'Da der Versanddienstleister die Zustellung am {{deliveredAt}} bestätigt, bitten wir, den Fall zu unseren Gunsten zu entscheiden.',
    ].join('\n'),
  },
  not_as_described: {
    title: 'Der Artikel entsprach der Beschreibung',
    argument: [
      'Der Käufer gibt an, der Artikel der Bestellung {{orderId}} entspreche nicht der Beschreibung.',
      'Verkauft wurde: {{itemTitles}}. Das Angebot beschreibt den Artikel zutreffend; die Nachweise unten belegen dies.',
      'Die Bestellung wurde am {{deliveredAt}} zugestellt.',
      'Wir haben mit dem Käufer {{messageCount}} Nachrichten ausgetauscht und eine Rücksendung nach unseren Rückgabebedingungen angeboten.',
      'Die Rücksendung ist am {{returnReceivedAt}} eingegangen.',
      'Da der Artikel der Beschreibung entsprach, bitten wir, den Fall zu unseren Gunsten zu entscheiden.',
    ].join('\n'),
  },
  credit_not_processed: {
    title: 'Die Erstattung wurde ausgeführt',
    argument: [
      'Der Käufer gibt an, für die Bestellung {{orderId}} keine Erstattung erhalten zu haben.',
      'Die Rücksendung ist am {{returnReceivedAt}} eingegangen.',
      'Wir haben am {{refundedAt}} {{refundAmount}} gemäß unseren Rückgabebedingungen erstattet; da der Käufer die Gutschrift erhalten hat, bitten wir, den Fall zu unseren Gunsten zu entscheiden.',
    ].join('\n'),
  },
};

function complete(reason: DisputeReason, language: Language, d: Draft): DefenceTemplate {
  return { reason, language, version: 1, ...d };
}

export const DEFAULT_DEFENCE_TEMPLATES: readonly DefenceTemplate[] = [
  ...(Object.entries(EN) as [DisputeReason, Draft][]).map(([r, d]) => complete(r, 'en', d)),
  ...(Object.entries(DE) as [DisputeReason, Draft][]).map(([r, d]) => complete(r, 'de', d)),
];

/** The built-in template for a reason in a language, falling back to English (which covers every reason). */
export function defaultDefenceTemplate(reason: DisputeReason, language: Language = 'en'): DefenceTemplate {
  const find = (lang: Language) => DEFAULT_DEFENCE_TEMPLATES.find((t) => t.reason === reason && t.language === lang);
  return (find(language) ?? find('en'))!;
}

export type FilledTemplate = {
  text: string;
  /** Placeholders whose lines were left out because the case has no value for them. */
  unfilled: string[];
  /** Names that are not placeholders at all (a typo in an edited template); their lines are left out too. */
  unknown: string[];
};

const PLACEHOLDER_RE = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN: ReadonlySet<string> = new Set(DEFENCE_PLACEHOLDERS);

/**
 * Fills `{{placeholders}}` line by line. A line with a placeholder that has no value (or is not a
 * placeholder) is dropped whole: a half-filled sentence would claim evidence the case does not have.
 * Stray braces left by a broken edit are removed so no template syntax reaches the buyer or the bank.
 */
export function fillTemplate(argument: string, values: Partial<Record<DefencePlaceholder, string>>): FilledTemplate {
  const unfilled = new Set<string>();
  const unknown = new Set<string>();
  const lines: string[] = [];
  for (const line of argument.split('\n')) {
    let keep = true;
    const filled = line.replace(PLACEHOLDER_RE, (_m, name: string) => {
      if (!KNOWN.has(name)) {
        unknown.add(name);
        keep = false;
        return '';
      }
      const value = values[name as DefencePlaceholder]?.trim();
      if (!value) {
        unfilled.add(name);
        keep = false;
        return '';
      }
      return value;
    });
    if (keep) lines.push(filled.replace(/\{\{|\}\}/g, ''));
  }
  const text = lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, unfilled: [...unfilled], unknown: [...unknown] };
}
