import { browser } from 'wxt/browser';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '@/components/i18n-context';
import { LEAD_TABS, LeadTools, type LeadTab } from '@/components/leads/LeadTools';
import { browserTeamHosts } from '@/components/leads/team-hosts-api';
import { apiRequest } from '@/utils/api-client';
import { browserTranslate } from '@/utils/i18n-browser';
import { Language } from '@/utils/schemas/common';
import { signedInAgent, type SignedInAgent } from '@/utils/storage';
import './leads.css';

/** The browser's language if Caseside speaks it, for new templates. */
const uiLanguage = Language.catch('en').parse(browser.i18n.getUILanguage().slice(0, 2).toLowerCase());
const hashTab = location.hash.slice(1);
const initialTab = (LEAD_TABS as readonly string[]).includes(hashTab) ? (hashTab as LeadTab) : undefined;

function LeadsPage() {
  const [agent, setAgent] = useState<SignedInAgent | null | undefined>(undefined);
  useEffect(() => {
    void signedInAgent.getValue().then(setAgent);
    return signedInAgent.watch((next) => setAgent(next));
  }, []);
  if (agent === undefined) return null;
  return (
    <LeadTools
      // A sign-in as someone else starts the page afresh (their role decides the tabs).
      key={agent ? `${agent.name}|${agent.role}` : 'signed-out'}
      agent={agent}
      call={apiRequest}
      defaultLanguage={uiLanguage}
      initialTab={initialTab}
      onTabChange={(tab) => history.replaceState(null, '', `#${tab}`)}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      teamHosts={browserTeamHosts}
    />
  );
}

document.title = browserTranslate('leadToolsTitle');
createRoot(document.getElementById('root')!).render(
  <I18nProvider value={browserTranslate}>
    <LeadsPage />
  </I18nProvider>,
);
