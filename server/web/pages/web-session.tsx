import { StrictMode, useCallback, useEffect, useEffectEvent, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../../../components/i18n-context';
import type { Translate } from '../../../utils/i18n';
import type { z } from 'zod';
import { routePath } from '../../../utils/api-routes';
import { Me } from '../../../utils/schemas/api';
import type { Role } from '../../../utils/schemas/common';
import { callApi, tokenStore, type ApiAnswer } from './web-api';

/**
 * The one sign-in of every backend-served page: a token form, the session checked on load (me.get), a
 * sign-out button, and a call helper whose 401 signs the page out. The page gets the signed-in agent and
 * renders its content under the gate's toolbar. The token stays in this tab's sessionStorage (web-api.ts).
 */

export type SignedInAgent = { id: string; name: string; role: Role };

export interface WebSession {
  agent: SignedInAgent;
  signOut: () => void;
  /** A request with the tab's token; a 401 (token revoked or expired) signs the page out. */
  call: <T>(method: 'GET' | 'POST', path: string, schema: z.ZodType<T>, body?: unknown) => Promise<ApiAnswer<T>>;
}

export interface WebSessionTexts {
  /** The page's heading, shown above the form while signed out. */
  title: string;
  intro?: string;
  token: string;
  signIn: string;
  signInFailed: string;
  signOut: string;
  /** "Signed in as Lena Lead" (the page's translation with the name filled in). */
  signedInAs: (name: string) => string;
  /** Shown when the token is valid but its role may not use the page. */
  roleRefused?: string;
}

export interface WebSessionGateProps {
  texts: WebSessionTexts;
  /** Test ids are `<testIdPrefix>-signin`, `-token`, `-signout`, `-signed-in`. */
  testIdPrefix: string;
  /** Which roles may use the page (every role when not given). */
  allowRole?: (role: Role) => boolean;
  /** Links to the other backend pages, in the toolbar. */
  links?: ReactNode;
  children: (session: WebSession) => ReactNode;
}

type Checked = { agent: SignedInAgent } | { refused: true } | { failed: true };

async function checkToken(token: string, allowRole: (role: Role) => boolean): Promise<Checked> {
  const res = await callApi(token, 'GET', routePath('me.get'), Me);
  if (!res.ok) return { failed: true };
  const { id, name, role } = res.data.agent;
  return allowRole(role) ? { agent: { id, name, role } } : { refused: true };
}

const everyRole = () => true;

function SignInForm({
  texts,
  testIdPrefix,
  allowRole,
  error: initialError,
  onSignedIn,
}: Pick<WebSessionGateProps, 'texts' | 'testIdPrefix'> & {
  allowRole: (role: Role) => boolean;
  error: string | null;
  onSignedIn: (agent: SignedInAgent) => void;
}) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(initialError);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const checked = await checkToken(token.trim(), allowRole);
    setBusy(false);
    if ('failed' in checked) return setError(texts.signInFailed);
    if ('refused' in checked) return setError(texts.roleRefused ?? texts.signInFailed);
    tokenStore.set(token.trim());
    onSignedIn(checked.agent);
  };
  const inputId = `${testIdPrefix}-token`;
  return (
    <main>
      <h1>{texts.title}</h1>
      {texts.intro && <p className="muted">{texts.intro}</p>}
      <form className="signin" onSubmit={submit} data-testid={`${testIdPrefix}-signin`}>
        <label>
          {texts.token}
          <input
            id={inputId}
            type="password"
            autoComplete="off"
            required
            value={token}
            onChange={(e) => setToken(e.target.value)}
            data-testid={inputId}
            aria-describedby={error ? `${inputId}-error` : undefined}
          />
        </label>
        <button type="submit" disabled={busy}>
          {texts.signIn}
        </button>
        {error && (
          <p role="alert" className="error" id={`${inputId}-error`}>
            {error}
          </p>
        )}
      </form>
    </main>
  );
}

export function WebSessionGate({ texts, testIdPrefix, allowRole = everyRole, links, children }: WebSessionGateProps) {
  const [agent, setAgent] = useState<SignedInAgent | null>(null);
  const [checking, setChecking] = useState(() => tokenStore.get() !== '');
  const [refused, setRefused] = useState(false);
  // Once, on load: the stored token is checked before anything is shown.
  const checkStored = useEffectEvent(() => {
    const token = tokenStore.get();
    if (!token) return;
    void checkToken(token, allowRole).then((checked) => {
      if ('agent' in checked) setAgent(checked.agent);
      else {
        tokenStore.clear();
        setRefused('refused' in checked);
      }
      setChecking(false);
    });
  });
  useEffect(() => checkStored(), []);
  const signOut = useCallback(() => {
    tokenStore.clear();
    setAgent(null);
  }, []);
  const session = useMemo<WebSession | null>(
    () =>
      agent && {
        agent,
        signOut,
        call: async (method, path, schema, body) => {
          const res = await callApi(tokenStore.get(), method, path, schema, body);
          if (res.status === 401) signOut();
          return res;
        },
      },
    [agent, signOut],
  );
  if (checking) return null;
  if (!session)
    return (
      <SignInForm
        texts={texts}
        testIdPrefix={testIdPrefix}
        allowRole={allowRole}
        error={refused ? (texts.roleRefused ?? texts.signInFailed) : null}
        onSignedIn={(next) => {
          setRefused(false);
          setAgent(next);
        }}
      />
    );
  return (
    <>
      <header className="toolbar">
        <span className="muted" data-testid={`${testIdPrefix}-signed-in`}>
          {texts.signedInAs(session.agent.name)}
        </span>
        {links}
        <button type="button" onClick={signOut} data-testid={`${testIdPrefix}-signout`}>
          {texts.signOut}
        </button>
      </header>
      {children(session)}
    </>
  );
}

/** Renders a backend page into its #root: the page's texts, the one sign-in, then the page for the session. */
export function mountWebPage(t: Translate, gate: WebSessionGateProps): void {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <I18nProvider value={t}>
        <WebSessionGate {...gate} />
      </I18nProvider>
    </StrictMode>,
  );
}
