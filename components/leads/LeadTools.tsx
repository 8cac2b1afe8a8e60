import { useState } from 'react';
import type { Language } from '@/utils/schemas/common';
import type { SignedInAgent } from '@/utils/storage';
import type { MessageKey } from '@/utils/i18n';
import { useT } from '../i18n-context';
import type { ApiCall } from './api';
import { FraudMatrixTab } from './FraudMatrixTab';
import { PageHealthTab } from './PageHealthTab';
import { SettingsTab } from './SettingsTab';
import { SlaPoliciesTab } from './SlaPoliciesTab';
import { TemplatesTab } from './TemplatesTab';
import { HandoffTeamsTab } from '../handoffs/HandoffTeamsTab';
import { SopsTab } from '../sops/SopsTab';
import { TeamHostsSection, type TeamHostsApi } from './TeamHostsSection';

export const LEAD_TABS = ['matrix', 'sla', 'templates', 'settings', 'health', 'handoffs', 'sops'] as const;
export type LeadTab = (typeof LEAD_TABS)[number];
const TAB_LABEL: Record<LeadTab, MessageKey> = {
  matrix: 'leadTabMatrix',
  sla: 'leadTabSla',
  templates: 'leadTabTemplates',
  settings: 'leadTabSettings',
  health: 'leadTabHealth',
  handoffs: 'handoffTeamsTab',
  sops: 'leadTabSops',
};

export interface LeadToolsProps {
  agent: SignedInAgent | null;
  call: ApiCall;
  /** Language a new template starts in. */
  defaultLanguage: Language;
  initialTab?: LeadTab;
  onTabChange?: (tab: LeadTab) => void;
  onOpenOptions: () => void;
  /** The hosts of portals on marketplaces' own domains, in the settings tab (TeamHostsSection). */
  teamHosts?: TeamHostsApi;
}

/** The lead tools page: fraud matrix, SLA policies, templates, team settings. Agents get their templates only. */
export function LeadTools({ agent, call, defaultLanguage, initialTab, onTabChange, onOpenOptions, teamHosts }: LeadToolsProps) {
  const t = useT();
  const isLead = agent?.role === 'lead';
  const tabs: readonly LeadTab[] = isLead ? LEAD_TABS : ['templates'];
  const [tab, setTab] = useState<LeadTab>(initialTab && tabs.includes(initialTab) ? initialTab : tabs[0]!);
  // Tabs stay mounted once opened, so switching tabs never drops a draft.
  const [opened, setOpened] = useState<ReadonlySet<LeadTab>>(() => new Set([tab]));

  if (!agent) {
    return (
      <main className="lt-page" data-testid="lead-tools" data-state="signed-out">
        <h1>{t('leadToolsTitle')}</h1>
        <p>{t('stateSignedOut')}</p>
        <button type="button" onClick={onOpenOptions}>
          {t('openOptions')}
        </button>
      </main>
    );
  }

  return (
    <main className="lt-page" data-testid="lead-tools" data-state="ready" data-role={agent.role}>
      <header className="lt-header">
        <h1>{t('leadToolsTitle')}</h1>
        <span className="lt-muted">{t('signedInAs', [agent.name, agent.teamName])}</span>
      </header>
      <nav className="lt-tabs" role="tablist">
        {tabs.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            data-testid={`tab-${id}`}
            onClick={() => {
              setTab(id);
              setOpened((s) => new Set(s).add(id));
              onTabChange?.(id);
            }}
          >
            {t(TAB_LABEL[id])}
          </button>
        ))}
      </nav>
      {tabs
        .filter((id) => opened.has(id))
        .map((id) => (
          <div key={id} role="tabpanel" hidden={tab !== id}>
            {id === 'matrix' && <FraudMatrixTab call={call} />}
            {id === 'sla' && <SlaPoliciesTab call={call} />}
            {id === 'templates' && <TemplatesTab call={call} isLead={isLead} agentName={agent.name} defaultLanguage={defaultLanguage} />}
            {id === 'settings' && <SettingsTab call={call} />}
            {id === 'settings' && teamHosts && <TeamHostsSection api={teamHosts} />}
            {id === 'health' && <PageHealthTab call={call} />}
            {id === 'handoffs' && <HandoffTeamsTab call={call} />}
            {id === 'sops' && <SopsTab call={call} defaultLanguage={defaultLanguage} />}
          </div>
        ))}
    </main>
  );
}
