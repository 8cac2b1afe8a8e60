import { storage } from 'wxt/utils/storage';
import { browser } from 'wxt/browser';
import type { Result } from '@/utils/messaging';
import type { Translate } from '@/utils/i18n';
import { QueueList, TeamSettingsView, type QueueItem } from '@/utils/schemas/admin';
import type { Language } from '@/utils/schemas/common';
import { formatDuration } from '@/utils/sla/state';
import { INBOX_PAGE, inboxHashFor } from '@/utils/disputes/inbox-link';
import { queueKey } from '@/utils/queue';
import { signedInAgent } from '@/utils/storage';

/**
 * The toolbar badge and breach notifications. Every minute (an alarm) and right after sign-in the
 * worker fetches the team's queue through its own API path; the badge counts the cases at risk
 * (warning or breached) and each case is notified once when its time left drops under the team's
 * notify lead time. Notified cases are remembered in storage, so a restarted worker stays quiet.
 */
export const QUEUE_ALARM = 'caseside-queue';
export const NOTIFICATION_PREFIX = 'caseside-case:';

const BREACHED_COLOUR = '#cf222e';
const WARNING_COLOUR = '#bf8700';
/** Used until the team's settings could be read (the backend's own default). */
const FALLBACK_NOTIFY_MINUTES = 60;
/** A remembered case is forgotten this long after its deadline, once it has left the queue. */
const REMEMBER_AFTER_DEADLINE_MS = 2 * 86_400_000;

export interface NotifiedCase {
  /** Where a click on the notification goes (the queue item's portal page, or the inbox on a processor's dispute). */
  url: string | null;
  expiresAt: number;
}

/** Queue key (a case id, or `dispute:<id>`) -> what was notified. Not secret: ids and portal URLs only. */
export const notifiedCases = storage.defineItem<Record<string, NotifiedCase>>('local:queueNotifiedCases', {
  fallback: {},
  version: 1,
});

// Chrome requires an icon for a basic notification and the extension ships none: a 32 px clock face.
/** The extension's own icon (public/icon), as Chrome resolves it for notifications. */
const NOTIFICATION_ICON = '/icon/128.png';

/**
 * The toolbar's states: grey while signed out (nothing here is about you yet), the colour icon once
 * signed in; the badge then counts the cases at risk. Some test doubles have no setIcon: a missing
 * icon change must never stop the badge.
 */
export async function setToolbarSignedIn(signedIn: boolean): Promise<void> {
  const prefix = signedIn ? '' : 'grey-';
  try {
    await browser.action.setIcon({ path: { 16: `/icon/${prefix}16.png`, 32: `/icon/${prefix}32.png` } });
  } catch {
    // The icon is decoration; the badge and the popup say the same.
  }
}

export type CallRoute = (routeId: string, params: Record<string, string>, query: Record<string, string> | undefined, body: unknown) => Promise<Result<unknown>>;

export interface QueueWatchDeps {
  /** The worker's validated route call (callPageRoute in handlers/api-request.ts). */
  callRoute: CallRoute;
  translate: Translate;
  language?: Language;
  now?: () => number;
}

export const isAtRisk = (item: QueueItem): boolean => item.state === 'warning' || item.state === 'breached';

/** Cases due a reminder: a running clock with less than the lead time left (breached ones included). */
export function dueForNotice(items: QueueItem[], notifyLeadMinutes: number): QueueItem[] {
  return items.filter((item) => item.state !== 'paused' && item.state !== 'none' && item.remainingMs <= notifyLeadMinutes * 60_000);
}

/** A processor's dispute opens in the inbox; a case on its portal page. */
function openUrlOf(item: QueueItem): string | null {
  return item.dispute ? `${browser.runtime.getURL(INBOX_PAGE)}${inboxHashFor(item.dispute.id)}` : item.url;
}

export class QueueWatch {
  private running: Promise<void> = Promise.resolve();
  private notifyLeadMinutes = FALLBACK_NOTIFY_MINUTES;
  private readonly now: () => number;

  constructor(private readonly deps: QueueWatchDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** One check at a time: an alarm and a sign-in arriving together must not notify a case twice. */
  check(): Promise<void> {
    this.running = this.running.then(() => this.runCheck()).catch(() => {});
    return this.running;
  }

  /** Signed out: nothing is at risk for this browser any more. */
  async clear(): Promise<void> {
    await browser.action.setBadgeText({ text: '' });
    await setToolbarSignedIn(false);
  }

  /** A click on one of our notifications opens the case's portal page; other notifications are not ours. */
  async openFromNotification(notificationId: string): Promise<boolean> {
    if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return false;
    const key = notificationId.slice(NOTIFICATION_PREFIX.length);
    const url = (await notifiedCases.getValue())[key]?.url;
    await browser.notifications.clear(notificationId);
    if (!url) return false;
    await browser.tabs.create({ url });
    return true;
  }

  private async runCheck(): Promise<void> {
    // A receiver's token is refused the queue (it answers hand-offs only): no badge, no call refused every minute.
    if ((await signedInAgent.getValue())?.role === 'receiver') {
      await browser.action.setBadgeText({ text: '' });
      return setToolbarSignedIn(true);
    }
    const res = await this.deps.callRoute('queue.list', {}, { limit: '200' }, undefined);
    if (!res.ok) {
      // Signed out: clear. Offline or a backend error: keep the last count rather than claim all is well.
      if (res.error.code === 'signed_out') await this.clear();
      return;
    }
    const queue = QueueList.safeParse(res.data);
    if (!queue.success) return;
    await this.refreshNotifyLead();
    const items = queue.data.items;
    await setToolbarSignedIn(true);
    await this.updateBadge(items);
    await this.notifyNewlyDue(items);
  }

  private async refreshNotifyLead(): Promise<void> {
    const res = await this.deps.callRoute('settings.get', {}, undefined, undefined);
    if (!res.ok) return; // keep the last known value
    const settings = TeamSettingsView.safeParse(res.data);
    if (settings.success) this.notifyLeadMinutes = settings.data.notifyLeadMinutes;
  }

  private async updateBadge(items: QueueItem[]): Promise<void> {
    const atRisk = items.filter(isAtRisk);
    await browser.action.setBadgeText({ text: atRisk.length > 0 ? String(atRisk.length) : '' });
    if (atRisk.length > 0) {
      const colour = atRisk.some((i) => i.state === 'breached') ? BREACHED_COLOUR : WARNING_COLOUR;
      await browser.action.setBadgeBackgroundColor({ color: colour });
    }
  }

  private async notifyNewlyDue(items: QueueItem[]): Promise<void> {
    const now = this.now();
    const remembered = await notifiedCases.getValue();
    const inQueue = new Set(items.map(queueKey));
    const next: Record<string, NotifiedCase> = {};
    // Forget a case only when it has left the queue and its deadline is long past: otherwise a case
    // that stays overdue for days would be notified again.
    for (const [id, entry] of Object.entries(remembered)) if (inQueue.has(id) || entry.expiresAt > now) next[id] = entry;
    for (const item of dueForNotice(items, this.notifyLeadMinutes)) {
      const key = queueKey(item);
      if (next[key]) continue;
      const deadline = Date.parse(item.sla.deadline);
      next[key] = { url: openUrlOf(item), expiresAt: Math.max(Number.isNaN(deadline) ? now : deadline, now) + REMEMBER_AFTER_DEADLINE_MS };
      // Remember before showing: a worker stopped mid-way must not show it twice.
      await notifiedCases.setValue(next);
      await this.show(item);
    }
    await notifiedCases.setValue(next);
  }

  private async show(item: QueueItem): Promise<void> {
    const t = this.deps.translate;
    const message =
      item.state === 'breached'
        ? t('notifyOverdueMessage', item.title)
        : t('notifyDueMessage', [item.title, formatDuration(item.remainingMs, this.deps.language ?? 'en')]);
    try {
      await browser.notifications.create(`${NOTIFICATION_PREFIX}${queueKey(item)}`, {
        type: 'basic',
        iconUrl: NOTIFICATION_ICON,
        title: t('notifyDueTitle'),
        message,
        priority: item.state === 'breached' ? 2 : 1,
      });
    } catch {
      // Notifications switched off for the browser: the badge still tells.
    }
  }
}

/**
 * Wires the watch into the service worker: the minute alarm (which also wakes a stopped worker), a
 * check right after sign-in (and a cleared badge on sign-out), one at start, and notification clicks.
 */
export function startQueueWatch(callRoute: Promise<CallRoute>, deps: Omit<QueueWatchDeps, 'callRoute'>): void {
  const watch = callRoute.then((call) => new QueueWatch({ ...deps, callRoute: call }));
  void browser.alarms.create(QUEUE_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === QUEUE_ALARM) void watch.then((w) => w.check());
  });
  browser.notifications.onClicked.addListener((id) => void watch.then((w) => w.openFromNotification(id)));
  signedInAgent.watch((agent) => void watch.then((w) => (agent ? w.check() : w.clear())));
  void watch.then((w) => w.check());
}
