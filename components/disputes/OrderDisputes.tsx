import type { OrderDispute } from '@/utils/schemas/api';
import type { Language } from '@/utils/schemas/common';
import { formatMoneyLocalized } from '@/utils/money';
import { portalDefinition } from '@/utils/portals/catalogue';
import { formatDuration } from '@/utils/sla/state';
import { useT } from '../i18n-context';
import { useNow } from '../use-now';

export interface OrderDisputesProps {
  disputes: OrderDispute[];
  language: Language;
  /** Opens one in the disputes inbox (an extension page, through the worker). */
  onOpen: (disputeId: string) => void;
  /** Injected for tests; the panel uses Date.now. */
  clock?: () => number;
}

const PROVIDERS: Record<string, string> = { stripe: 'Stripe', adyen: 'Adyen', paypal: 'PayPal', ethoca: 'Ethoca', verifi: 'Verifi' };
const WAITING = new Set<OrderDispute['status']>(['open', 'responded']);

/** Who raised it, as agents name it: the portal ("Amazon") or the processor / alert provider ("Ethoca"). */
function sourceName(d: OrderDispute): string {
  return PROVIDERS[d.source] ?? portalDefinition(d.source)?.name ?? d.source;
}

/**
 * The order's disputes and pre-dispute alerts from every source (marketplace claims and chargebacks,
 * the processors' disputes, Ethoca and Verifi alerts): those still waiting first with their time left,
 * an alert's answer and what to report to its provider. Everything is text; a row opens the inbox.
 */
export function OrderDisputes({ disputes, language, onOpen, clock = Date.now }: OrderDisputesProps) {
  const t = useT();
  const now = useNow(30_000, clock);
  if (disputes.length === 0) return null;
  return (
    <section className="cs-section" data-testid="order-disputes" aria-labelledby="cs-order-disputes-title">
      <h3 id="cs-order-disputes-title">{t('orderDisputesTitle')}</h3>
      <ul className="cs-order-disputes">
        {disputes.map((d) => {
          const waiting = WAITING.has(d.status);
          const leftMs = Date.parse(d.deadline) - now;
          const kind = d.stage ? t(`inboxStage_${d.stage}`) : t('disputeTitle');
          return (
            <li key={d.id} data-testid="order-dispute" data-dispute-id={d.id} data-status={d.status} data-stage={d.stage ?? ''}>
              <button type="button" onClick={() => onOpen(d.id)} title={d.externalId}>
                {kind} · {sourceName(d)} · {formatMoneyLocalized(d.amount, language)}
              </button>{' '}
              <span className="cs-muted cs-small">
                {t(`disputeStatus_${d.status}`)}
                {d.reasonCode ? ` · ${d.reasonCode}` : ''}
              </span>
              {waiting && !d.alertAnswer && (
                <span className={leftMs <= 0 ? 'cs-small cs-error' : 'cs-small'} role="timer" aria-live="off" data-testid="order-dispute-time">
                  {' · '}
                  {leftMs <= 0 ? t('slaOverdue', formatDuration(-leftMs, language)) : t('slaLeft', formatDuration(leftMs, language))}
                </span>
              )}
              {d.alertAnswer && (
                <div className="cs-small" data-testid="order-dispute-answer">
                  {t('inboxDecided', t(`inboxAction_${d.alertAnswer}`))}
                  {d.providerOutcome ? ` ${t('inboxReportOutcome', d.providerOutcome)}` : ''}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
