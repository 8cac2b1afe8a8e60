import { useCallback } from 'react';
import { InboxCallError, ReceiverInbox } from '../../../components/handoffs/ReceiverInbox';
import { routePath } from '../../../utils/api-routes';
import { ReceiverHandoffList, ReceiverHandoffResult, type AnswerHandoffBody } from '../../../utils/schemas/handoffs';
import { newIdempotencyKey } from './web-api';
import { pageTranslator, sessionTexts } from './web-page-kit';
import { mountWebPage, type WebSession } from './web-session';

/**
 * The receivers' inbox, served by the backend for people without the extension (warehouse, finance).
 * Sign-in is the backend pages' one (web-session.tsx: a token kept in this tab's sessionStorage, sent as a
 * Bearer header; a 401 signs the page out); every text from the server is rendered as React text. The inbox
 * itself is components/handoffs/ReceiverInbox.tsx, shared with the extension's page (entrypoints/handoffs).
 */

const t = pageTranslator();

function Inbox({ session }: { session: WebSession }) {
  const { call } = session;
  const list = useCallback(async () => {
    const res = await call('GET', routePath('handoffs.inbox'), ReceiverHandoffList);
    if (!res.ok) throw new InboxCallError(res.message, res.field);
    return res.data.handoffs;
  }, [call]);
  const answer = useCallback(
    async (id: string, body: AnswerHandoffBody) => {
      const res = await call('POST', routePath('handoffs.answer', { id }), ReceiverHandoffResult, body);
      if (!res.ok) throw new InboxCallError(res.message, res.field);
      return res.data.handoff;
    },
    [call],
  );
  return (
    <main>
      <h1>{t('handoffPageTitle')}</h1>
      <ReceiverInbox list={list} answer={answer} newKey={newIdempotencyKey} locale={document.documentElement.lang || undefined} />
    </main>
  );
}

// Receivers, and agents or leads who answer for a team of theirs.
mountWebPage(t, {
  texts: sessionTexts(t, { title: t('handoffPageTitle'), signIn: t('handoffSignIn'), intro: t('handoffPageIntro') }),
  testIdPrefix: 'handoff',
  children: (session) => <Inbox session={session} />,
});
