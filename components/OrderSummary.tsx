import type { PageContext } from '@/utils/schemas/page';
import { useT } from './i18n-context';

/** What the page says about the order: always text, never markup. */
export function OrderSummary({ context }: { context: PageContext }) {
  const t = useT();
  const missing = <span className="cs-muted">{t('notShown')}</span>;
  const marketplace = context.marketplace ? [context.marketplace.code, context.marketplace.domain].filter(Boolean).join(' · ') : undefined;
  return (
    <dl className="cs-summary">
      <dt>{t('orderId')}</dt>
      <dd data-testid="order-id">{context.orderId ?? missing}</dd>
      <dt>{t('buyer')}</dt>
      <dd data-testid="buyer-name">{context.buyer?.name ?? missing}</dd>
      <dt>{t('marketplace')}</dt>
      <dd data-testid="marketplace" data-marketplace={context.marketplace?.code ?? ''}>
        {marketplace ?? missing}
      </dd>
    </dl>
  );
}
