import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '@/public/_locales/en/messages.json';
import { translatorFrom } from '@/utils/i18n';
import type { Result } from '@/utils/messaging';
import type { QueueItem } from '@/utils/schemas/admin';
import { signedInAgent } from '@/utils/storage';
import { NOTIFICATION_PREFIX, QueueWatch, notifiedCases, type CallRoute } from './queue-watch';

const NOW = Date.parse('2026-11-22T10:00:00.000Z');
const MIN = 60_000;
let seq = 0;

function item(state: QueueItem['state'], remainingMs: number, over: { id?: string; url?: string | null } = {}): QueueItem {
  const id = over.id ?? `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`;
  return {
    case: {
      id,
      kind: 'message',
      portal: 'amazon',
      marketplace: 'DE',
      ref: `ref-${id.slice(-4)}`,
      orderId: null,
      status: 'open',
      openedAt: '2026-11-21T10:00:00.000Z',
      updatedAt: '2026-11-21T10:00:00.000Z',
      decision: null,
    },
    sla: {
      caseKind: 'amazon_buyer_message',
      label: 'Buyer message reply',
      startedAt: '2026-11-21T10:00:00.000Z',
      deadline: new Date(NOW + remainingMs).toISOString(),
      warningFraction: 0.25,
      paused: state === 'paused',
      ...(state === 'paused' ? { remainingAtPauseMs: remainingMs } : {}),
      policyVersion: 1,
    },
    title: `Buyer message reply · ${id.slice(-4)}`,
    url: over.url === undefined ? `https://sellercentral.amazon.de/messaging/thread/${id}` : over.url,
    state,
    remainingMs: state === 'breached' ? 0 : remainingMs,
    buyerName: null,
    dispute: null,
  };
}

/** A processor's alert on the same order case as another queue item: its own row, badge count and notice. */
function alertOn(base: QueueItem, disputeId: string): QueueItem {
  return {
    ...base,
    sla: { ...base.sla, caseKind: 'card_dispute', label: 'Pre-dispute alert · Ethoca' },
    title: `Pre-dispute alert · Ethoca · ${base.case.ref}`,
    url: null,
    dispute: {
      id: disputeId,
      source: 'ethoca',
      stage: 'alert',
      network: 'visa',
      reasonGroup: 'fraud',
      amount: { amountMinor: 5990, currency: 'EUR' },
      unmatched: false,
    },
  };
}

describe('QueueWatch', () => {
  let queue: QueueItem[];
  let notifyLeadMinutes: number;
  let queueAnswer: Result<unknown> | null;
  const calls: string[] = [];
  const callRoute: CallRoute = async (routeId) => {
    calls.push(routeId);
    if (routeId === 'queue.list') return queueAnswer ?? { ok: true, data: { items: queue, serverTime: new Date(NOW).toISOString() } };
    if (routeId === 'settings.get') return { ok: true, data: { retentionDays: null, defaultLanguage: 'en', notifyLeadMinutes, warningFraction: 0.25 } };
    return { ok: false, error: { code: 'unknown_route', message: routeId } };
  };
  const watch = () => new QueueWatch({ callRoute, translate: translatorFrom(en), now: () => NOW });
  const shown = async () => Object.keys(await fakeBrowser.notifications.getAll());

  beforeEach(() => {
    fakeBrowser.reset();
    calls.length = 0;
    queue = [];
    notifyLeadMinutes = 60;
    queueAnswer = null;
  });

  it('counts the cases at risk on the badge, red when one is overdue, amber otherwise, empty when none', async () => {
    const w = watch();
    queue = [item('breached', 0), item('warning', 20 * MIN), item('ok', 10 * 3_600_000), item('paused', 5 * MIN)];
    await w.check();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0xcf, 0x22, 0x2e, 255]);

    queue = [item('warning', 20 * MIN), item('ok', 10 * 3_600_000)];
    await w.check();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0xbf, 0x87, 0x00, 255]);

    queue = [item('ok', 10 * 3_600_000)];
    await w.check();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it("asks nothing for a receiver's token (refused the queue) and shows no count", async () => {
    const w = watch();
    queue = [item('breached', 0)];
    await w.check();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    await signedInAgent.setValue({ name: 'Wendy Warehouse', role: 'receiver', teamName: 'Demo Team' });
    calls.length = 0;
    await w.check();
    expect(calls).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('notifies each case once when its time left drops under the team lead time, and not paused ones', async () => {
    const soon = item('warning', 30 * MIN);
    const later = item('ok', 90 * MIN);
    const paused = item('paused', 5 * MIN);
    queue = [soon, later, paused];
    const w = watch();
    await w.check();
    expect(await shown()).toEqual([`${NOTIFICATION_PREFIX}${soon.case.id}`]);
    const note = (await fakeBrowser.notifications.getAll())[`${NOTIFICATION_PREFIX}${soon.case.id}`] as { title: string; message: string };
    expect(note.message).toContain(soon.title);
    expect(note.message).toContain('30 min');

    await fakeBrowser.notifications.clear(`${NOTIFICATION_PREFIX}${soon.case.id}`);
    await w.check();
    expect(await shown()).toEqual([]);

    // The lead time is the team's setting: at 120 minutes the later case is due too.
    notifyLeadMinutes = 120;
    await w.check();
    expect(await shown()).toEqual([`${NOTIFICATION_PREFIX}${later.case.id}`]);
  });

  it('does not notify again after a worker restart, but does for a new case', async () => {
    const soon = item('breached', 0);
    queue = [soon];
    await watch().check();
    expect(await shown()).toHaveLength(1);
    await fakeBrowser.notifications.clear(`${NOTIFICATION_PREFIX}${soon.case.id}`);

    const fresh = item('warning', 10 * MIN);
    queue = [soon, fresh];
    await watch().check(); // a new worker: nothing in memory, only storage
    expect(await shown()).toEqual([`${NOTIFICATION_PREFIX}${fresh.case.id}`]);
    expect(Object.keys(await notifiedCases.getValue()).sort()).toEqual([soon.case.id, fresh.case.id].sort());
  });

  it('forgets a case once it left the queue and its deadline is long past, but not while it is still listed', async () => {
    await notifiedCases.setValue({
      'gone-long-ago': { url: null, expiresAt: NOW - 1 },
      'gone-recently': { url: null, expiresAt: NOW + MIN },
    });
    const stillOverdue = item('breached', 0, { id: '00000000-0000-4000-8000-00000000abcd' });
    await notifiedCases.setValue({ ...(await notifiedCases.getValue()), [stillOverdue.case.id]: { url: stillOverdue.url, expiresAt: NOW - 1 } });
    queue = [stillOverdue];
    await watch().check();
    expect(Object.keys(await notifiedCases.getValue()).sort()).toEqual([stillOverdue.case.id, 'gone-recently'].sort());
    expect(await shown()).toEqual([]);
  });

  it('opens the case page when its notification is clicked, and ignores other notifications', async () => {
    const soon = item('warning', 5 * MIN);
    queue = [soon];
    const w = watch();
    await w.check();
    expect(await w.openFromNotification('someone-else')).toBe(false);
    expect(await w.openFromNotification(`${NOTIFICATION_PREFIX}${soon.case.id}`)).toBe(true);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(soon.url);
    expect(await shown()).toEqual([]);
  });

  it("counts and notifies a processor's alert apart from its order's case, and opens it in the inbox", async () => {
    const orderCase = item('warning', 20 * MIN);
    const alert = alertOn(item('warning', 10 * MIN, { id: orderCase.case.id }), '11111111-2222-4333-8444-555555555555');
    queue = [alert, orderCase];
    const w = watch();
    await w.check();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect((await shown()).sort()).toEqual([`${NOTIFICATION_PREFIX}${orderCase.case.id}`, `${NOTIFICATION_PREFIX}dispute:${alert.dispute!.id}`].sort());
    expect(await w.openFromNotification(`${NOTIFICATION_PREFIX}dispute:${alert.dispute!.id}`)).toBe(true);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(`chrome-extension://${fakeBrowser.runtime.id}/disputes.html#dispute=${alert.dispute!.id}`);
    // Answered: gone from the queue, and a later check does not notify the case again.
    queue = [orderCase];
    await w.check();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('clears the badge when signed out and keeps the last count while offline', async () => {
    queue = [item('warning', 5 * MIN)];
    const w = watch();
    await w.check();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    queueAnswer = { ok: false, error: { code: 'offline', message: 'No backend' } };
    await w.check();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    queueAnswer = { ok: false, error: { code: 'signed_out', message: 'Sign in' } };
    await w.check();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});
