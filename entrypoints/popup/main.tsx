import { browser } from 'wxt/browser';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '@/components/i18n-context';
import { Popup } from '@/components/popup/Popup';
import { apiRequest } from '@/utils/api-client';
import type { HostsToAllowApi } from '@/components/popup/HostsToAllow';
import { sendRequest } from '@/utils/messaging';
import { originOf } from '@/utils/portals/team-hosts';
import { INBOX_PAGE, inboxHashFor } from '@/utils/disputes/inbox-link';
import { browserTranslate } from '@/utils/i18n-browser';
import { Language } from '@/utils/schemas/common';
import { signedInAgent, type SignedInAgent } from '@/utils/storage';
import './popup.css';

const language = Language.catch('en').parse(browser.i18n.getUILanguage().slice(0, 2).toLowerCase());
const loadQueue = () => apiRequest('queue.list', { query: { limit: '50' } });
const hosts: HostsToAllowApi = {
  list: async () => {
    const res = await sendRequest({ type: 'hosts:list' });
    return res.ok ? res.data.hosts : [];
  },
  request: (host) => browser.permissions.request({ origins: [originOf(host)] }),
};
const loadHandoffs = () => apiRequest('handoffs.inbox');
const HANDOFFS_PAGE = '/handoffs.html';

function PopupPage() {
  const [agent, setAgent] = useState<SignedInAgent | null | undefined>(undefined);
  useEffect(() => {
    void signedInAgent.getValue().then(setAgent);
    return signedInAgent.watch((next) => setAgent(next));
  }, []);
  if (agent === undefined) return null;
  return (
    <Popup
      agent={agent}
      loadQueue={loadQueue}
      hosts={hosts}
      loadHandoffs={loadHandoffs}
      onOpenHandoffs={() => void browser.tabs.create({ url: browser.runtime.getURL(HANDOFFS_PAGE) })}
      language={language}
      onOpenUrl={(url) => void browser.tabs.create({ url })}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      onOpenLeadTools={() => void browser.tabs.create({ url: browser.runtime.getURL('/leads.html') })}
      onOpenInbox={() => void browser.tabs.create({ url: browser.runtime.getURL(INBOX_PAGE) })}
      onOpenDispute={(id) => void browser.tabs.create({ url: `${browser.runtime.getURL(INBOX_PAGE)}${inboxHashFor(id)}` })}
    />
  );
}

createRoot(document.getElementById('root')!).render(
  <I18nProvider value={browserTranslate}>
    <PopupPage />
  </I18nProvider>,
);
