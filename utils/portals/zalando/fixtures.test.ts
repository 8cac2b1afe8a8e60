// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { FIXTURES } from '../../../tests/fixtures/manifest';
import { loadFixtureIntoDocument, renderedFixture } from '../../../tests/fixtures/load';
import { PageContext } from '../../schemas';
import { insertIntoReplyBox } from '../reply-box';
import { zalandoAdapter } from '.';

// Every zDirect page of the manifest, old and new, against everything its entry says the page shows.
const ZALANDO = FIXTURES.filter((f) => new URL(f.url).hostname === 'zdirect.zalando.com');

describe('every zDirect fixture reads what it states', () => {
  test('the manifest has zDirect pages of every kind', () => {
    expect(new Set(ZALANDO.map((f) => f.expected.pageKind))).toEqual(new Set(['order', 'order-list', 'return', 'message']));
  });

  for (const fixture of ZALANDO) {
    const { expected } = fixture;
    test(`${fixture.name}: ${expected.pageKind} ${expected.orderId ?? ''}`, () => {
      const url = new URL(fixture.url);
      const context = zalandoAdapter.extract(url, renderedFixture(fixture));
      expect(PageContext.safeParse(context).success).toBe(true);
      expect(context.pageKind).toBe(expected.pageKind);
      expect(context.orderId).toBe(expected.orderId);
      expect(context.orderRef).toBe(expected.orderRef);
      expect(context.buyer?.name).toBe(expected.buyerName);
      expect(context.marketplace?.code).toBe(expected.marketplace);
      expect(context.recognition.status).toBe(expected.recognition);
      expect(context.clockStart?.at).toBe(expected.clockStart);
      if (expected.clockStart) expect(context.message?.receivedAt).toBe(expected.clockStart);
      if (expected.shipTo) {
        const { region: _region, ...address } = expected.shipTo;
        expect(context.shipTo).toMatchObject(address);
      }
      // Every field read says how it was found.
      if (expected.orderId) expect(context.fieldTiers?.orderId).toBeDefined();
      if (expected.buyerName) expect(context.fieldTiers?.['buyer.name']).toMatch(/hook|label/);
    });
  }
});

describe('reply boxes on zDirect pages', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  for (const fixture of ZALANDO) {
    test(`${fixture.name}: ${fixture.expected.replyBox ? 'takes a template and the page registers it' : 'has no reply box'}`, () => {
      const doc = loadFixtureIntoDocument(fixture);
      const target = zalandoAdapter.findReplyBox(doc);
      if (!fixture.expected.replyBox) {
        expect(target).toBeNull();
        return;
      }
      expect(target?.kind).toBe('textarea');
      const box = target!.element as HTMLTextAreaElement;
      // Never the feedback box beside it.
      expect(`${box.placeholder} ${box.closest('label')?.textContent ?? ''}`).not.toMatch(/feedback|zufrieden/i);
      const container = box.closest('form, .card, section') ?? doc.body;
      const send = Array.from(container.querySelectorAll('button')).find((b) => /send|senden/i.test(b.textContent ?? ''))!;
      expect(send).toBeDefined();
      expect(insertIntoReplyBox(target!, 'Guten Tag, die Sendung ist unterwegs.')).toEqual({ ok: true });
      expect(box.value).toBe('Guten Tag, die Sendung ist unterwegs.');
      // The page's own state saw the text: its send button is usable and sending reports the length.
      expect(send.disabled).toBe(false);
      // happy-dom does not run inline `onsubmit="..."` attributes; Chromium does (tests/e2e/templates.spec.ts).
      if (container.hasAttribute('onsubmit')) return;
      send.click();
      const status = container.querySelector('[role="status"]');
      expect(status?.textContent).toMatch(/sent|gesendet/i);
    });
  }
});
