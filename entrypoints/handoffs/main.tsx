import { browser } from 'wxt/browser';
import { createRoot } from 'react-dom/client';
import { InboxCallError, ReceiverInbox } from '@/components/handoffs/ReceiverInbox';
import { I18nProvider } from '@/components/i18n-context';
import { apiRequest } from '@/utils/api-client';
import { browserTranslate } from '@/utils/i18n-browser';
import type { Result } from '@/utils/messaging';
import type { AnswerHandoffBody } from '@/utils/schemas/handoffs';
import './handoffs.css';

/**
 * The receivers' inbox for those signed in to the extension: the same inbox as the backend's /handoffs
 * page, its calls going through the worker (which holds the token) by route id.
 */

async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const res = await pending;
  if (!res.ok) throw new InboxCallError(res.error.message, res.error.field);
  return res.data;
}

const list = async () => (await unwrap(apiRequest('handoffs.inbox'))).handoffs;
const answer = async (id: string, body: AnswerHandoffBody) => (await unwrap(apiRequest('handoffs.answer', { params: { id }, body }))).handoff;
const newKey = () => `ext_${crypto.randomUUID().replaceAll('-', '')}`;

document.title = browserTranslate('handoffPageTitle');
document.documentElement.lang = browser.i18n.getUILanguage();
createRoot(document.getElementById('root')!).render(
  <I18nProvider value={browserTranslate}>
    <main className="ho-page">
      <h1>{browserTranslate('handoffPageTitle')}</h1>
      <p className="muted">{browserTranslate('handoffPageIntro')}</p>
      <ReceiverInbox list={list} answer={answer} newKey={newKey} locale={browser.i18n.getUILanguage()} />
    </main>
  </I18nProvider>,
);
