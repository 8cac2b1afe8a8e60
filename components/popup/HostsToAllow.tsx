import { useCallback, useEffect, useState } from 'react';
import type { TeamHost } from '@/utils/portals/team-hosts';
import { useT } from '../i18n-context';

export interface HostsToAllowApi {
  /** The team's hosts, each with whether this browser's Chrome granted it. */
  list(): Promise<Array<TeamHost & { granted: boolean }>>;
  /** chrome.permissions.request for the one host, inside the click: true when granted. */
  request(host: string): Promise<boolean>;
}

/**
 * The team's back-office hosts (a lead added them for the whole team) that this browser cannot read yet:
 * Chrome grants a host only on a click of the person using it, so each agent allows each host once, here.
 * Nothing shows when every host is allowed.
 */
export function HostsToAllow({ api }: { api: HostsToAllowApi }) {
  const t = useT();
  const [hosts, setHosts] = useState<Array<TeamHost & { granted: boolean }>>([]);
  const [denied, setDenied] = useState<string | null>(null);
  const reload = useCallback(
    () =>
      void api
        .list()
        .then(setHosts)
        .catch(() => setHosts([])),
    [api],
  );
  useEffect(reload, [reload]);
  const waiting = hosts.filter((h) => !h.granted);
  if (waiting.length === 0) return null;

  const allow = async (host: string) => {
    // First thing in the click: Chrome shows its prompt only inside the gesture.
    const granted = await api.request(host).catch(() => false);
    setDenied(granted ? null : host);
    reload();
  };

  return (
    <section className="pp-hosts" data-testid="popup-hosts" aria-labelledby="pp-hosts-title">
      <h2 id="pp-hosts-title" className="pp-subheading">
        {t('popupHostsTitle')}
      </h2>
      <p className="pp-muted">{t('popupHostsIntro')}</p>
      <ul>
        {waiting.map((h) => (
          <li key={`${h.portal}:${h.host}`} data-host={h.host}>
            <code>{h.host}</code>{' '}
            <button type="button" className="pp-link" onClick={() => void allow(h.host)}>
              {t('popupHostsAllow', h.host)}
            </button>
          </li>
        ))}
      </ul>
      {denied && (
        <p className="pp-error" role="alert">
          {t('popupHostsDenied', denied)}
        </p>
      )}
    </section>
  );
}
