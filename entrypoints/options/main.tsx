import { createRoot } from 'react-dom/client';
import { SignInForm } from '@/components/SignInForm';
import { I18nProvider } from '@/components/i18n-context';
import { browserTranslate } from '@/utils/i18n-browser';
import { sendRequest } from '@/utils/messaging';
import { signedInAgent } from '@/utils/storage';
import './options.css';

document.title = browserTranslate('optionsTitle');
createRoot(document.getElementById('root')!).render(
  <I18nProvider value={browserTranslate}>
    <SignInForm
      loadStatus={async () => {
        const [status, agent] = await Promise.all([sendRequest({ type: 'status:get' }), signedInAgent.getValue()]);
        return { backendUrl: status.ok ? status.data.backendUrl : undefined, agent: status.ok && status.data.signedIn ? agent : null };
      }}
      signIn={async (backendUrl, token) => {
        const res = await sendRequest({ type: 'auth:signIn', backendUrl, token });
        return res.ok
          ? { ok: true, agent: { name: res.data.agent.name, role: res.data.agent.role, teamName: res.data.team.name } }
          : { ok: false, message: res.error.message };
      }}
      signOut={async () => {
        await sendRequest({ type: 'auth:signOut' });
      }}
    />
  </I18nProvider>,
);
