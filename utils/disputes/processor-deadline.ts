import type { DisputeStage, ProcessorSource } from '../schemas/disputes';
import type { CardNetwork, SlaPolicySet } from '../schemas/sla';
import { computeSlaDeadline } from '../sla/deadline';
import { DEFAULT_POLICIES } from '../sla/policies';

/**
 * A processor dispute's deadline: the processor's own respond-by date when it gives one (Stripe's
 * evidence_details.due_by, Adyen's defensePeriodEndsAt); otherwise, for an alert, the provider's window
 * to refund or stop the shipment, and for inquiries and chargebacks the network's response window from
 * the team's SLA policies (card_dispute, by network). Pure.
 */

/**
 * Hours to act on a pre-dispute alert. Ethoca expects an outcome within 24 hours; Verifi CDRN gives
 * about 72. A processor's own fraud warning (Stripe early fraud warning, Adyen notification of fraud)
 * has no stated window: the chargeback usually follows within days, so 48 hours keeps it near the top.
 */
export const ALERT_WINDOW_HOURS: Record<ProcessorSource, number> = { ethoca: 24, verifi: 72, stripe: 48, adyen: 48, paypal: 48 };

const HOUR_MS = 3_600_000;

export interface DeadlineInput {
  source: ProcessorSource;
  stage: DisputeStage;
  network: CardNetwork | null;
  filedAt: Date;
  dueBy: Date | null;
}

export function processorDeadline(input: DeadlineInput, policies: SlaPolicySet): Date {
  if (input.dueBy && !Number.isNaN(input.dueBy.getTime())) return input.dueBy;
  if (input.stage === 'alert') return new Date(input.filedAt.getTime() + ALERT_WINDOW_HOURS[input.source] * HOUR_MS);
  const own = policies.policies.card_dispute;
  // A card-dispute policy on a ship-by clock has no window to add; the default one stands in.
  const [policy, calendar] = own && own.clock !== 'shipBy' ? [own, policies.calendar] : [DEFAULT_POLICIES.policies.card_dispute, DEFAULT_POLICIES.calendar];
  return computeSlaDeadline(input.filedAt, policy, calendar, input.network ? { cardNetwork: input.network } : {});
}
