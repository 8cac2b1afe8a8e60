import { useCallback, useState } from 'react';
import { LoadGate } from '@/components/leads/LoadGate';
import { useLoad, type ApiCall } from '@/components/leads/api';
import type { Language } from '@/utils/schemas/common';
import type { Sop, SopProposal } from '@/utils/schemas/sops';
import type { MessageKey } from '@/utils/i18n';
import { useT } from '../i18n-context';
import { SopMarkdown } from './SopMarkdown';

const LANGUAGE_NAME: Record<Language, MessageKey> = { en: 'sopLang_en', de: 'sopLang_de', fr: 'sopLang_fr', es: 'sopLang_es', it: 'sopLang_it' };

/** Agents' proposed changes waiting for the lead: the proposed text as the panel would show it, accept or reject. */
export function SopProposals({ call, onDecided }: { call: ApiCall; onDecided: (sop: Sop) => void }) {
  const t = useT();
  const load = useCallback(() => call('sops.proposals', { query: { status: 'pending' } }), [call]);
  const { state, reload } = useLoad(load);
  const [error, setError] = useState<string | null>(null);

  const decide = async (proposal: SopProposal, decision: 'accept' | 'reject') => {
    const res = await call('sops.decide', { params: { id: proposal.id }, body: { decision } });
    if (!res.ok) setError(res.error.message);
    else {
      setError(null);
      onDecided(res.data.sop);
    }
    reload();
  };

  return (
    <section data-testid="sop-proposals" aria-labelledby="lt-sop-proposals">
      <h3 id="lt-sop-proposals">{t('sopProposalsTitle')}</h3>
      {error && (
        <p className="lt-error" role="alert">
          {error}
        </p>
      )}
      <LoadGate state={state} onRetry={reload}>
        {({ proposals }) =>
          proposals.length === 0 ? (
            <p className="lt-muted">{t('sopProposalsNone')}</p>
          ) : (
            <ul className="lt-list">
              {proposals.map((p) => (
                <li key={p.id} data-testid="sop-proposal" data-proposal-id={p.id}>
                  <p>{t('sopProposalBy', [p.authorName, t(LANGUAGE_NAME[p.language]), p.sopTitle, String(p.baseVersion)])}</p>
                  {p.note && <p className="lt-muted">{p.note}</p>}
                  <div className="lt-preview">
                    <SopMarkdown source={p.body} headingLevel={4} />
                  </div>
                  <div className="lt-row">
                    <button type="button" data-testid="sop-accept" onClick={() => void decide(p, 'accept')}>
                      {t('sopAccept')}
                    </button>
                    <button type="button" className="secondary" data-testid="sop-reject" onClick={() => void decide(p, 'reject')}>
                      {t('sopReject')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </LoadGate>
    </section>
  );
}
