// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { MIRAKL_FIXTURES } from '../../../tests/fixtures/manifest-mirakl';
import { clearFixtureTimers, liveFixture, renderSpaOrder } from '../../../tests/fixtures/load';
import type { PageSpec, PortalFixtureEntry } from '../../../tests/fixtures/page-spec';
import { PageContext } from '../../schemas';
import { insertIntoReplyBox } from '../reply-box';
import { miraklAdapter } from '.';

/**
 * Every Mirakl back-office page against everything its spec says the page shows (tests/fixtures/manifest-mirakl.ts):
 * pages run their own scripts (shadow-root labels, rendering after load, the list's in-place navigation).
 */
const ready = (entry: PortalFixtureEntry) => (doc: Document) => miraklAdapter.isContentReady(miraklAdapter.classify(new URL(entry.url), doc), doc);

function expectReads(context: PageContext, spec: PageSpec) {
  expect(PageContext.safeParse(context).success).toBe(true);
  expect(context.pageKind).toBe(spec.pageKind);
  expect(context.orderId).toBe(spec.orderId);
  expect(context.buyer?.name).toBe(spec.buyerName);
  expect(context.marketplace?.code).toBe(spec.marketplace);
  expect(context.recognition.status, JSON.stringify(context.recognition)).toBe(spec.recognition);
  expect(context.clockStart?.at).toBe(spec.clockStart);
  expect(context.orderStatus).toBe(spec.status);
  expect(context.purchasedAt).toBe(spec.placedAt);
  if (spec.deadline?.kind === 'ship-by') expect(context.shipBy).toBe(spec.deadline.at);
  if (spec.deadline?.kind === 'accept-by') expect(context.acceptBy).toBe(spec.deadline.at);
  if (!spec.deadline) expect([context.shipBy, context.acceptBy]).toEqual([undefined, undefined]);
  if (spec.shipTo) expect(context.shipTo).toMatchObject(spec.shipTo);
  else expect(context.shipTo).toBeUndefined();
  if (spec.totals) {
    expect(context.totals?.total).toEqual(
      spec.totals.totalMinor === undefined ? undefined : { amountMinor: spec.totals.totalMinor, currency: spec.totals.currency },
    );
    if (spec.totals.itemSubtotalMinor !== undefined)
      expect(context.totals?.subtotal).toEqual({ amountMinor: spec.totals.itemSubtotalMinor, currency: spec.totals.currency });
  }
  if (spec.items) {
    expect(
      context.items.map((i) => ({
        title: i.title,
        sku: i.sku,
        quantity: i.quantity,
        unitPriceMinor: i.unitPrice?.amountMinor,
        ...(i.status ? { state: i.status } : {}),
      })),
    ).toEqual(spec.items);
  }
  if (spec.thread) {
    expect(context.message?.receivedAt).toBe(spec.thread.replyNeededSince);
    expect(context.message?.from).toBe(spec.thread.lastMessageFrom);
    if (spec.thread.topic) expect(context.message?.subject).toBe(spec.thread.topic);
  }
  if (spec.incident) {
    expect(context.claim).toMatchObject({ status: spec.incident.state, reason: spec.incident.reason, filedAt: spec.incident.openedAt });
    expect(context.items.map((i) => i.sku)).toContain(spec.incident.lineSku);
    // The back office shows no incident number: an incident is its order line, one open at a time.
    expect(context.claim?.id).toBe(`${spec.orderId}/${spec.incident.lineSku}`);
  }
  // Every field read says how it was found.
  if (spec.orderId) expect(context.fieldTiers?.orderId).toBeDefined();
  if (spec.buyerName) expect(context.fieldTiers?.['buyer.name']).toMatch(/hook|label|structure/);
}

afterEach(() => {
  clearFixtureTimers();
  document.body.replaceChildren();
});

describe('every Mirakl fixture reads what its spec states', () => {
  for (const entry of MIRAKL_FIXTURES) {
    test(`${entry.name}: ${entry.expected.pageKind} ${entry.expected.orderId ?? ''}`, async () => {
      const doc = await liveFixture(entry, ready(entry));
      const url = new URL(entry.url);
      expect(miraklAdapter.classify(url, doc)).toBe(entry.expected.pageKind);
      expectReads(miraklAdapter.extract(url, doc), entry.expected);
      if (entry.afterNavigation) {
        const next = new URL(entry.afterNavigation.url);
        renderSpaOrder(doc, entry.afterNavigation.expected.orderId!);
        expectReads(miraklAdapter.extract(next, doc), entry.afterNavigation.expected);
      }
    });
  }

  test('the hostile page reaches the context as text', async () => {
    const entry = MIRAKL_FIXTURES.find((f) => f.name === 'mirakl-pccomponentes-es-messages-hostile')!;
    const context = miraklAdapter.extract(new URL(entry.url), await liveFixture(entry, ready(entry)));
    expect(context.buyer?.name).toBe('"><img src=x onerror=alert(document.domain)> Raúl Moreno');
    expect(context.message?.body).toContain('<iframe src="https://evil.example"></iframe>');
  });
});

describe('reply boxes on Mirakl pages', () => {
  for (const entry of MIRAKL_FIXTURES) {
    test(`${entry.name}: ${entry.expected.replyBox ? 'takes a template' : 'has no reply box'}`, async () => {
      const doc = await liveFixture(entry, ready(entry));
      const happy = (window as unknown as { happyDOM: { setURL: (url: string) => void } }).happyDOM;
      happy.setURL(entry.url);
      const target = miraklAdapter.findReplyBox(doc);
      if (!entry.expected.replyBox) {
        expect(target).toBeNull();
        return;
      }
      expect(target?.kind).toBe('textarea');
      const box = target!.element as HTMLTextAreaElement;
      expect(insertIntoReplyBox(target!, 'Hello, your parcel is on its way.')).toEqual({ ok: true });
      expect(box.value).toBe('Hello, your parcel is on its way.');
      const send = Array.from(box.closest('form, [role="region"], aside, section')!.querySelectorAll('button')).find((b) =>
        /^(send|envoyer|senden|enviar|invia|wyślij|verzenden)$/i.test(b.textContent?.trim() ?? ''),
      );
      expect(send?.disabled).toBe(false);
    });
  }
});
