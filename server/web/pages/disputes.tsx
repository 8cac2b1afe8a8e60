import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { DisputesInbox } from '../../../components/disputes/DisputesInbox';
import { useNow } from '../../../components/use-now';
import { routePath } from '../../../utils/api-routes';
import { DisputeList, DisputeView, type DisputeListQuery } from '../../../utils/api-routes/disputes';
import { AdyenDefenceView, StripeEvidenceView, SubmitAnswer, type SubmitBody } from '../../../utils/api-routes/processors';
import { disputeIdOfHash } from '../../../utils/disputes/inbox-link';
import { Language } from '../../../utils/schemas/common';
import type { AlertAction } from '../../../utils/schemas/disputes';
import { pageTranslator, sessionTexts } from './web-page-kit';
import { mountWebPage, type WebSession } from './web-session';

/**
 * The disputes inbox for agents and leads without the extension: the extension's own inbox
 * (components/disputes/DisputesInbox) served by the backend behind the shared token sign-in. Its loaders
 * call the same routes the extension's worker does, each answer checked by the route's schema. A
 * receiver's token is refused (the routes refuse receivers too). `#dispute=<id>` opens one dispute.
 */

const t = pageTranslator();
const language = Language.catch('en').parse(document.documentElement.lang);

// Only the filters that are set.
const asQuery = (q: DisputeListQuery): Record<string, string> =>
  Object.fromEntries(Object.entries(q as Record<string, string | undefined>).filter((e): e is [string, string] => typeof e[1] === 'string'));

function Inbox({ session }: { session: WebSession }) {
  const now = useNow();
  const [openId, setOpenId] = useState(() => disputeIdOfHash(location.hash));
  useEffect(() => {
    const onHash = () => setOpenId(disputeIdOfHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  // Loaders made once: the inbox reloads when its loader changes.
  const [loaders] = useState(() => {
    const call = async <T,>(method: 'GET' | 'POST', path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> => {
      const res = await session.call(method, path, schema, body);
      if (!res.ok) throw new Error(res.message);
      return res.data;
    };
    return {
      load: (query: DisputeListQuery) => call('GET', routePath('disputes.list', {}, asQuery(query)), DisputeList),
      loadOne: (id: string) => call('GET', routePath('disputes.get', { id }), DisputeView),
      decideAlert: (id: string, action: AlertAction) => call('POST', routePath('disputes.alertDecision', { id }), DisputeView, { action }),
      processorLoaders: {
        loadStripeEvidence: (id: string) => call('GET', routePath('disputes.stripeEvidence', { id }), StripeEvidenceView),
        loadAdyenDefence: (id: string) => call('GET', routePath('disputes.adyenDefence', { id }), AdyenDefenceView),
        submit: (id: string, body: SubmitBody) => call('POST', routePath('disputes.submit', { id }), SubmitAnswer, body),
      },
    };
  });
  return (
    <DisputesInbox
      load={loaders.load}
      loadOne={loaders.loadOne}
      decideAlert={loaders.decideAlert}
      processorLoaders={loaders.processorLoaders}
      now={now}
      language={language}
      initialOpenId={openId}
    />
  );
}

mountWebPage(t, {
  texts: sessionTexts(t, { title: t('inboxTitle'), signIn: t('disputesPageSignIn'), intro: t('disputesPageIntro') }),
  testIdPrefix: 'disputes',
  allowRole: (role) => role !== 'receiver',
  links: <a href={routePath('reports.page')}>{t('webPageLinkReports')}</a>,
  children: (session) => <Inbox session={session} />,
});
