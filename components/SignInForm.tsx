import { useEffect, useState, type FormEvent } from 'react';
import type { SignedInAgent } from '@/utils/storage';
import { useT } from './i18n-context';

export interface SignInFormProps {
  loadStatus: () => Promise<{ backendUrl?: string; agent: SignedInAgent | null }>;
  signIn: (backendUrl: string, token: string) => Promise<{ ok: true; agent: SignedInAgent } | { ok: false; message: string }>;
  signOut: () => Promise<void>;
}

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'signed-in'; agent: SignedInAgent } | { kind: 'error'; message: string };

/** Backend address and token sign-in. The token goes to the background worker and is never shown again. */
export function SignInForm({ loadStatus, signIn, signOut }: SignInFormProps) {
  const t = useT();
  const [backendUrl, setBackendUrl] = useState('http://127.0.0.1:8787');
  const [token, setToken] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    void loadStatus().then((s) => {
      if (s.backendUrl) setBackendUrl(s.backendUrl);
      if (s.agent) setStatus({ kind: 'signed-in', agent: s.agent });
    });
  }, [loadStatus]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus({ kind: 'busy' });
    const res = await signIn(backendUrl, token);
    if (res.ok) {
      setToken('');
      setStatus({ kind: 'signed-in', agent: res.agent });
    } else {
      setStatus({ kind: 'error', message: res.message });
    }
  };

  const statusText =
    status.kind === 'signed-in'
      ? t('signedInAs', [status.agent.name, status.agent.teamName])
      : status.kind === 'busy'
        ? t('signingIn')
        : status.kind === 'error'
          ? status.message
          : t('notSignedIn');

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <form onSubmit={submit}>
        <label htmlFor="backend-url">{t('backendUrl')}</label>
        <input id="backend-url" data-testid="backend-url" value={backendUrl} onChange={(e) => setBackendUrl(e.target.value)} autoComplete="url" required />
        <label htmlFor="api-token">{t('apiToken')}</label>
        <input id="api-token" data-testid="api-token" type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" required />
        <button type="submit" data-testid="sign-in" disabled={status.kind === 'busy'}>
          {t('signIn')}
        </button>
        {status.kind === 'signed-in' && (
          <button type="button" className="secondary" data-testid="sign-out" onClick={() => void signOut().then(() => setStatus({ kind: 'idle' }))}>
            {t('signOut')}
          </button>
        )}
      </form>
      <p data-testid="sign-in-status" data-status={status.kind} role="status">
        {statusText}
      </p>
      {/* A sibling extension page, so a relative link needs no browser API here. */}
      {status.kind === 'signed-in' && (
        <p>
          <a href="leads.html" target="_blank" rel="noopener" data-testid="open-lead-tools">
            {t('optionsLeadTools')}
          </a>
        </p>
      )}
    </main>
  );
}
