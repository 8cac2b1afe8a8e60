import { useCallback, useEffect, useState } from 'react';
import { hostFromInput, TEAM_HOST_PORTALS, type TeamHost } from '@/utils/portals/team-hosts';
import { useT } from '../i18n-context';

/**
 * The hosts of portals that run on each marketplace's own domain (utils/portals/team-hosts.ts). Adding one
 * asks Chrome for that host alone, on the lead's click (a permission request needs the click's gesture, so it
 * is the first thing the click does), then the worker registers the portal's detector there. Removing one
 * gives the permission back.
 */
export interface TeamHostsApi {
  list(): Promise<Array<TeamHost & { granted: boolean }>>;
  /** chrome.permissions.request for the one origin: true when Chrome granted it. */
  request(host: string): Promise<boolean>;
  add(host: TeamHost): Promise<{ ok: true } | { ok: false; message: string }>;
  remove(host: TeamHost): Promise<{ ok: true } | { ok: false; message: string }>;
}

type Notice = { kind: 'ok' | 'error'; text: string } | null;

export function TeamHostsSection({ api }: { api: TeamHostsApi }) {
  const t = useT();
  const [hosts, setHosts] = useState<Array<TeamHost & { granted: boolean }>>([]);
  const [notice, setNotice] = useState<Notice>(null);
  const reload = useCallback(() => void api.list().then(setHosts), [api]);
  useEffect(reload, [reload]);
  if (TEAM_HOST_PORTALS.length === 0) return null;

  return (
    <section data-testid="team-hosts" aria-labelledby="lt-hosts-title">
      <h2 id="lt-hosts-title">{t('leadHostsTitle')}</h2>
      {TEAM_HOST_PORTALS.map((portal) => (
        <PortalHosts
          key={portal.id}
          portal={{ id: portal.id as TeamHost['portal'], name: portal.name, example: portal.teamHosts!.example }}
          hosts={hosts.filter((h) => h.portal === portal.id)}
          api={api}
          onChanged={(next) => {
            setNotice(next);
            reload();
          }}
        />
      ))}
      <p role="status" data-testid="team-hosts-status" className={notice?.kind === 'error' ? 'lt-error' : 'lt-muted'}>
        {notice?.text ?? ''}
      </p>
    </section>
  );
}

function PortalHosts({
  portal,
  hosts,
  api,
  onChanged,
}: {
  portal: { id: TeamHost['portal']; name: string; example: string };
  hosts: Array<TeamHost & { granted: boolean }>;
  api: TeamHostsApi;
  onChanged: (notice: Notice) => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState('');
  const [invalid, setInvalid] = useState(false);
  const inputId = `lt-host-${portal.id}`;

  const add = async () => {
    const host = hostFromInput(draft || portal.example);
    if (!host) return setInvalid(true);
    setInvalid(false);
    // First: Chrome only shows its prompt inside the click's gesture.
    const granted = await api.request(host).catch(() => false);
    if (!granted) return onChanged({ kind: 'error', text: t('leadHostsDenied', host) });
    const result = await api.add({ portal: portal.id, host });
    if (!result.ok) return onChanged({ kind: 'error', text: t('leadHostsFailed', [host, result.message]) });
    setDraft('');
    onChanged({ kind: 'ok', text: t('leadHostsAdded', host) });
  };

  const remove = async (host: string) => {
    const result = await api.remove({ portal: portal.id, host });
    onChanged(result.ok ? { kind: 'ok', text: t('leadHostsRemoved', host) } : { kind: 'error', text: t('leadHostsFailed', [host, result.message]) });
  };

  return (
    <div data-testid={`team-hosts-${portal.id}`}>
      <p className="lt-muted">{t('leadHostsIntro', portal.name)}</p>
      {hosts.length === 0 ? (
        <p data-testid="team-hosts-none">{t('leadHostsNone')}</p>
      ) : (
        <ul aria-label={t('leadHostsLabel', portal.name)}>
          {hosts.map((h) => (
            <li key={h.host} data-testid="team-host" data-host={h.host}>
              <code>{h.host}</code> {h.granted ? null : <span className="lt-error">{t('leadHostsNotGranted')}</span>}{' '}
              <button type="button" onClick={() => void remove(h.host)}>
                {t('leadHostsRemove', h.host)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label htmlFor={inputId}>{t('leadHostsLabel', portal.name)}</label>{' '}
        <input
          id={inputId}
          data-testid="team-host-input"
          value={draft}
          placeholder={portal.example}
          aria-invalid={invalid}
          aria-describedby={invalid ? `${inputId}-error` : undefined}
          onChange={(e) => {
            setDraft(e.target.value);
            setInvalid(false);
          }}
        />{' '}
        <button type="submit" data-testid="team-host-add">
          {t('leadHostsAdd')}
        </button>
        {invalid && (
          <p id={`${inputId}-error`} className="lt-error" role="alert">
            {t('leadHostsInvalid')}
          </p>
        )}
      </form>
    </div>
  );
}
