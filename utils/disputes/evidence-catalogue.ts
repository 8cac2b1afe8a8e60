import type { DisputeReason } from '../schemas/disputes';

/**
 * What a defence needs per reason (portal-reference.md, "Fraud, abuse and disputes"): proof of delivery
 * and tracking for not received; description, photos and message history for not as described; refund
 * proof for credit not processed; CE 3.0 for Visa 10.4. Required items decide whether a defence can
 * win; optional ones strengthen it. Labels are the words the checklist, the recommendation and the
 * defence all use, so an analyst can match them up.
 */
export const EVIDENCE_DEFINITIONS = {
  order_details: { label: 'Order details', hint: 'Open the order page so the order date, items and total are read.' },
  shipping_address: { label: 'Shipping address', hint: 'Open the order page so the shipping address is read.' },
  tracking_number: { label: 'Tracking number', hint: 'Add the carrier and tracking number of the shipment.' },
  proof_of_delivery: { label: 'Proof of delivery', hint: "Add the carrier's delivery confirmation (date and place of delivery)." },
  signature_confirmation: { label: 'Signature on delivery', hint: "Attach the carrier's signed delivery receipt, if the service had one." },
  item_description: { label: 'Item description', hint: 'Add the listing title and description the buyer saw.' },
  product_photos: { label: 'Product photos', hint: 'Attach photos of the item as shipped (and of the return, if it came back).' },
  message_history: { label: 'Message history with the buyer', hint: 'Add the buyer-seller messages about this order.' },
  return_status: { label: 'Return status', hint: 'Say whether the item was returned, and when it arrived.' },
  return_policy: { label: 'Return and refund policy', hint: 'Add the return and refund policy shown to the buyer at checkout.' },
  refund_proof: { label: 'Refund proof', hint: 'Add the refund date, amount and reference.' },
  avs_cvv_result: { label: 'AVS and CVV check results', hint: "Add the processor's address and security-code check results for the payment." },
  ce3_prior_transactions: {
    label: 'Compelling Evidence 3.0: earlier undisputed payments',
    hint: 'Find two earlier undisputed payments on the same card, 120-365 days before the dispute, matching on IP or device and one more of shipping address or account.',
  },
  authorization_record: { label: 'Authorization record', hint: "Add the processor's authorization approval code and date." },
  transaction_receipt: { label: 'Transaction receipt', hint: 'Add the receipt or invoice showing the amount and currency charged.' },
  separate_transactions: {
    label: 'Proof the charges are separate purchases',
    hint: 'Add the order ids and items of each charge, or the refund of the duplicate.',
  },
  cancellation_policy: { label: 'Cancellation policy accepted by the customer', hint: 'Add the subscription terms the customer accepted and how they cancel.' },
  no_cancellation_request: {
    label: 'No cancellation request before the charge',
    hint: 'Confirm from the message history that the customer did not cancel before this charge.',
  },
  case_notes: { label: "Team's case notes", hint: 'No notes on this case yet.' },
} as const satisfies Record<string, { label: string; hint: string }>;

export type StandardEvidenceKey = keyof typeof EVIDENCE_DEFINITIONS;

/** Never copied into a defence: notes are the team's own working record. */
export const INTERNAL_EVIDENCE: ReadonlySet<string> = new Set<StandardEvidenceKey>(['case_notes']);

type Need = readonly [StandardEvidenceKey, 'required' | 'optional'];

export const EVIDENCE_BY_REASON: Record<DisputeReason, readonly Need[]> = {
  not_received: [
    ['order_details', 'required'],
    ['tracking_number', 'required'],
    ['proof_of_delivery', 'required'],
    ['shipping_address', 'required'],
    ['signature_confirmation', 'optional'],
    ['message_history', 'optional'],
    ['case_notes', 'optional'],
  ],
  not_as_described: [
    ['order_details', 'required'],
    ['item_description', 'required'],
    ['product_photos', 'required'],
    ['message_history', 'required'],
    ['return_status', 'optional'],
    ['return_policy', 'optional'],
    ['proof_of_delivery', 'optional'],
    ['case_notes', 'optional'],
  ],
  credit_not_processed: [
    ['order_details', 'required'],
    ['refund_proof', 'required'],
    ['return_policy', 'required'],
    ['return_status', 'optional'],
    ['message_history', 'optional'],
    ['case_notes', 'optional'],
  ],
  fraud_card_absent: [
    ['order_details', 'required'],
    ['avs_cvv_result', 'required'],
    ['ce3_prior_transactions', 'required'],
    ['proof_of_delivery', 'required'],
    ['shipping_address', 'optional'],
    ['tracking_number', 'optional'],
    ['message_history', 'optional'],
    ['case_notes', 'optional'],
  ],
  authorization: [
    ['order_details', 'required'],
    ['authorization_record', 'required'],
    ['case_notes', 'optional'],
  ],
  processing_error: [
    ['order_details', 'required'],
    ['transaction_receipt', 'required'],
    ['refund_proof', 'optional'],
    ['case_notes', 'optional'],
  ],
  duplicate: [
    ['order_details', 'required'],
    ['separate_transactions', 'required'],
    ['refund_proof', 'optional'],
    ['case_notes', 'optional'],
  ],
  cancelled_recurring: [
    ['order_details', 'required'],
    ['cancellation_policy', 'required'],
    ['no_cancellation_request', 'required'],
    ['message_history', 'optional'],
    ['case_notes', 'optional'],
  ],
  other: [
    ['order_details', 'required'],
    ['message_history', 'optional'],
    ['tracking_number', 'optional'],
    ['proof_of_delivery', 'optional'],
    ['case_notes', 'optional'],
  ],
};
