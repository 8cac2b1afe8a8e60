import { browser } from 'wxt/browser';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { DisputesInbox } from '@/components/disputes/DisputesInbox';
import type { ProcessorLoaders } from '@/components/disputes/ProcessorParts';
import { I18nProvider } from '@/components/i18n-context';
import { useNow } from '@/components/use-now';
import { apiRequest } from '@/utils/api-client';
import type { DisputeListQuery } from '@/utils/api-routes/disputes';
import { disputeIdOfHash } from '@/utils/disputes/inbox-link';
import { browserTranslate } from '@/utils/i18n-browser';
import type { Result } from '@/utils/messaging';
import { Language } from '@/utils/schemas/common';
import './disputes.css';

const language = Language.catch('en').parse(browser.i18n.getUILanguage().slice(0, 2).toLowerCase());

/** The worker answers a result; the inbox shows a failure's message where it happened. */
async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const res = await pending;
  if (!res.ok) throw new Error(res.error.message);
  return res.data;
}

// Only the filters that are set: the route's query type allows undefined, the worker's builder skips it anyway.
const asQuery = (q: DisputeListQuery): Record<string, string> =>
  Object.fromEntries(Object.entries(q as Record<string, string | undefined>).filter((e): e is [string, string] => typeof e[1] === 'string'));

const PROCESSOR_LOADERS: ProcessorLoaders = {
  loadStripeEvidence: (id) => unwrap(apiRequest('disputes.stripeEvidence', { params: { id } })),
  loadAdyenDefence: (id) => unwrap(apiRequest('disputes.adyenDefence', { params: { id } })),
  submit: (id, body) => unwrap(apiRequest('disputes.submit', { params: { id }, body })),
};

function InboxPage() {
  const now = useNow();
  const [openId, setOpenId] = useState(() => disputeIdOfHash(location.hash));
  useEffect(() => {
    const onHash = () => setOpenId(disputeIdOfHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return (
    <DisputesInbox
      load={(query) => unwrap(apiRequest('disputes.list', { query: asQuery(query) }))}
      loadOne={(id) => unwrap(apiRequest('disputes.get', { params: { id } }))}
      decideAlert={(id, action) => unwrap(apiRequest('disputes.alertDecision', { params: { id }, body: { action } }))}
      now={now}
      language={language}
      initialOpenId={openId}
      processorLoaders={PROCESSOR_LOADERS}
    />
  );
}

document.title = browserTranslate('inboxTitle');
createRoot(document.getElementById('root')!).render(
  <I18nProvider value={browserTranslate}>
    <InboxPage />
  </I18nProvider>,
);
