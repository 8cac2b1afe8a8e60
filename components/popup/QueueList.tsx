import { inboxPathFor } from '@/utils/disputes/inbox-link';
import { formatMoneyLocalized } from '@/utils/money';
import { portalDefinition } from '@/utils/portals/catalogue';
import { queueKey } from '@/utils/queue';
import type { QueueItem } from '@/utils/schemas/admin';
import type { Language } from '@/utils/schemas/common';
import { formatDuration, slaState } from '@/utils/sla/state';
import { useT } from '../i18n-context';

export interface QueueListProps {
  items: QueueItem[];
  /** The current time on the backend's clock (local time plus the measured offset). */
  now: number;
  language: Language;
  onOpen: (url: string) => void;
  /** Opens a processor's dispute or alert in the disputes inbox (no portal page shows it). */
  onOpenDispute?: (disputeId: string) => void;
}

/** Only web pages are opened from a row: the URL comes from the backend, never a script or data URL. */
export function safePortalUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The portal's name and the marketplace's country ("Amazon DE"): where the case is, as an agent names it. */
export function marketplaceLabel(item: QueueItem): string {
  const { portal, marketplace } = item.case;
  const definition = portalDefinition(portal);
  const name = definition?.name ?? 'Shop';
  const code = marketplace ? (definition?.marketplaces.owns(marketplace) ? definition.marketplaces.country(marketplace) : marketplace) : undefined;
  return code ? `${name} ${code}` : name;
}

/** Buyer and order, the way the agent looks a case up; the internal reference stays in the row's tooltip. */
function whoAndWhich(item: QueueItem): string {
  return [item.buyerName, item.case.orderId].filter((part): part is string => Boolean(part)).join(' · ');
}

const PROVIDERS: Record<string, string> = { stripe: 'Stripe', adyen: 'Adyen', paypal: 'PayPal', ethoca: 'Ethoca', verifi: 'Verifi' };

/** The team's open cases in the backend's order (least time left first), each with a live countdown. */
export function QueueList({ items, now, language, onOpen, onOpenDispute }: QueueListProps) {
  const t = useT();
  if (items.length === 0)
    return (
      <p className="pp-muted" data-testid="queue-empty">
        {t('popupQueueEmpty')}
      </p>
    );
  return (
    <ol className="pp-queue" data-testid="queue">
      {items.map((item) => {
        const { state, remainingMs, overdueMs } = slaState(item.sla, now);
        const url = safePortalUrl(item.url);
        const left =
          state === 'paused'
            ? formatDuration(remainingMs, language)
            : state === 'breached'
              ? t('slaOverdue', formatDuration(overdueMs, language))
              : t('slaLeft', formatDuration(remainingMs, language));
        const stateLabel = state === 'none' ? '' : t(`slaState_${state}`);
        const who = whoAndWhich(item);
        const { dispute } = item;
        const body = (
          <>
            <span className="pp-title">
              {dispute ? (
                <span data-testid="queue-dispute">
                  {dispute.stage ? t(`inboxStage_${dispute.stage}`) : t('popupCardDispute')} · {PROVIDERS[dispute.source] ?? dispute.source}{' '}
                  {formatMoneyLocalized(dispute.amount, language)}
                </span>
              ) : (
                <span>{item.sla.label}</span>
              )}
              <span className="pp-market">{dispute ? (dispute.unmatched ? t('inboxUnmatched') : marketplaceLabel(item)) : marketplaceLabel(item)}</span>
            </span>
            {who && (
              <span className="pp-who-line" data-testid="queue-who">
                {who}
              </span>
            )}
            <span className="pp-meta">
              <span className={`pp-state pp-state-${state}`}>{stateLabel}</span>
              <span className="pp-time" role="timer" aria-live="off">
                {left}
              </span>
            </span>
          </>
        );
        return (
          <li
            key={queueKey(item)}
            className={`pp-item pp-item-${state}`}
            title={item.title}
            data-testid="queue-item"
            data-case-id={item.case.id}
            data-dispute-id={dispute?.id}
            data-order-id={item.case.orderId ?? undefined}
            data-sla-state={state}
            data-remaining-ms={remainingMs}
            data-overdue-ms={overdueMs}
          >
            {dispute && onOpenDispute ? (
              <a
                href={inboxPathFor(dispute.id)}
                onClick={(e) => {
                  e.preventDefault();
                  onOpenDispute(dispute.id);
                }}
              >
                {body}
              </a>
            ) : url ? (
              <a
                href={url}
                onClick={(e) => {
                  e.preventDefault();
                  onOpen(url);
                }}
              >
                {body}
              </a>
            ) : (
              <div>
                {body}
                <span className="pp-muted pp-small">{t('popupNoPage')}</span>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
