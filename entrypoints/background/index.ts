import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { signedInAgent } from '@/utils/storage';
import { INBOX_PAGE, inboxHashFor } from '@/utils/disputes/inbox-link';
import { PANEL_PORT, type TabPush } from '@/utils/messaging';
import { browserTranslate } from '@/utils/i18n-browser';
import { Language } from '@/utils/schemas/common';
import { openCasesideDb } from './db';
import { startQueueWatch } from './queue-watch';
import { callPageRoute } from './handlers/api-request';
import { classifySender, routeMessage } from './router';
import { BackgroundService } from './service';
import { panelScriptOf, portalDefinition } from '@/utils/portals/catalogue';
import { sectionScriptFile } from '@/utils/content/sections/names';
import { syncDetectors, watchTeamHosts } from './team-hosts';
import { refreshTeamHosts } from './handlers/team-hosts';

/**
 * The service worker: the only holder of the token and the only caller of the backend.
 * Open panels keep a port (PANEL_PORT) to it; live events and sync status go out through those
 * ports, and their heartbeats keep the worker (and so the event stream) alive while a panel is open.
 */
const FLUSH_ALARM = 'caseside-outbox';
const TEAM_HOSTS_ALARM = 'caseside-team-hosts';

export default defineBackground(() => {
  const ports = new Set<Browser.runtime.Port>();
  const extensionOrigin = browser.runtime.getURL('/');
  const push = (message: TabPush) => {
    for (const port of ports) {
      try {
        port.postMessage(message);
      } catch {
        ports.delete(port);
      }
    }
  };

  const servicePromise = openCasesideDb().then(
    (db) =>
      new BackgroundService({
        db,
        onStatus: (status) => push({ type: 'push:sync', status }),
        onLiveEvent: (event) => push({ type: 'push:live', event }),
        onResync: () => push({ type: 'push:resync' }),
        onSignedIn: (me) => {
          void signedInAgent.setValue({ name: me.agent.name, role: me.agent.role, teamName: me.team.name });
          // The team's portal hosts (Mirakl back offices) come with the team.
          void servicePromise.then((s) => refreshTeamHosts(s.session));
        },
        onSignedOut: () => void signedInAgent.setValue(null),
        openOptions: () => void browser.runtime.openOptionsPage(),
        openInbox: (disputeId) => void browser.tabs.create({ url: `${browser.runtime.getURL(INBOX_PAGE)}${inboxHashFor(disputeId)}` }),
        // Into the one frame whose detector found a work page (never into other pages).
        injectPanel: async ({ tabId, frameId, portal }) => {
          await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [panelScriptFor(portal)] });
        },
        // A section the open panel shows, into that panel's frame; the name was checked against the list.
        injectSection: async ({ tabId, frameId, section }) => {
          await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [sectionScriptFile(section) as ScriptPublicPath] });
        },
      }),
  );

  // The hosts a lead added: their detectors are re-registered on every start, and their frames count as portal pages.
  let teamHosts: ReadonlySet<string> = new Set();
  const teamHostsReady = new Promise<void>((resolve) =>
    watchTeamHosts((hosts) => {
      teamHosts = hosts;
      resolve();
    }),
  );
  void syncDetectors().catch((err: unknown) => console.error('[caseside] detector registration failed', err));

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void teamHostsReady.then(() => {
      const kind = classifySender(sender, browser.runtime.id, extensionOrigin, teamHosts);
      const origin = {
        ...(sender.tab?.id === undefined ? {} : { tabId: sender.tab.id }),
        ...(sender.frameId === undefined ? {} : { frameId: sender.frameId }),
      };
      void servicePromise.then((service) => routeMessage(message, kind, (req) => service.dispatch(req, origin))).then(sendResponse);
    });
    return true; // answer asynchronously
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PANEL_PORT) {
      port.disconnect();
      return;
    }
    // Heartbeats need no answer: receiving them keeps the worker alive.
    port.onMessage.addListener(() => {});
    void teamHostsReady.then(() => {
      if (classifySender(port.sender ?? {}, browser.runtime.id, extensionOrigin, teamHosts) !== 'portal') {
        port.disconnect();
        return;
      }
      ports.add(port);
      port.onDisconnect.addListener(() => ports.delete(port));
      void servicePromise.then(async (service) => {
        await service.startLive();
        port.postMessage({ type: 'push:sync', status: await service.session.status() } satisfies TabPush);
      });
    });
  });

  // Retry waiting writes even when no panel is open (the alarm also wakes a stopped worker).
  void browser.alarms.create(FLUSH_ALARM, { periodInMinutes: 0.5 });
  // A host a lead adds or removes reaches every agent's browser within this period (or when the popup opens).
  void browser.alarms.create(TEAM_HOSTS_ALARM, { periodInMinutes: 15 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FLUSH_ALARM) void servicePromise.then((s) => s.outbox.flush());
    if (alarm.name === TEAM_HOSTS_ALARM) void servicePromise.then((s) => refreshTeamHosts(s.session));
  });
  // Toolbar badge (cases at risk) and one notification per case nearing its deadline.
  const callRouteWhenReady = servicePromise.then(
    (s) => (id: string, params: Record<string, string>, query: Record<string, string> | undefined, body: unknown) =>
      callPageRoute(s.session, id, params, query, body),
  );
  startQueueWatch(callRouteWhenReady, {
    translate: browserTranslate,
    language: Language.catch('en').parse(browser.i18n.getUILanguage().slice(0, 2).toLowerCase()),
  });

  void servicePromise.then(async (service) => {
    service.receiverSignedIn = (await signedInAgent.getValue())?.role === 'receiver';
    await service.outbox.flush({ force: true });
    await service.startLive();
    // The team's portal hosts (a receiver's token is refused them, and has no portal work).
    if ((await service.session.credentials()) && !service.receiverSignedIn) await refreshTeamHosts(service.session);
  });
});

/**
 * A frame gets its own portal's panel script (a frame parses only that portal's adapter). The path is built
 * from the registry, which WXT's typed list of built files cannot see; wxt.config.ts builds one per portal.
 */
function panelScriptFor(portal: string): ScriptPublicPath {
  const definition = portalDefinition(portal);
  if (!definition) throw new Error(`No panel for portal ${portal}`);
  return panelScriptOf(definition) as ScriptPublicPath;
}
