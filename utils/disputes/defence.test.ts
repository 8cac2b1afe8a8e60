import { describe, expect, it } from 'vitest';
import { Defence, DefenceTemplate } from '../schemas/disputes';
import { buildChecklist } from './checklist';
import { buildDefence, type DefenceInput } from './defence';
import { DEFAULT_DEFENCE_TEMPLATES, fillTemplate } from './templates';
import { buildTimeline } from './timeline';
import { aDispute, aHistory, disputeContext, ORDER_ID } from '../../tests/helpers/disputes';
import type { DisputeHistory } from './case-history';

function defenceInput(overrides: Partial<DefenceInput> = {}, history: DisputeHistory = aHistory()): DefenceInput {
  const dispute = overrides.dispute ?? aDispute();
  const context = 'context' in overrides ? overrides.context : disputeContext();
  return {
    dispute,
    context,
    history,
    checklist: buildChecklist({ dispute, context, history }),
    timeline: buildTimeline({ dispute, context, history }),
    seller: { name: 'Kaffeehaus Schmidt GmbH' },
    ...overrides,
  };
}

describe('buildDefence', () => {
  it('has the order id, the timeline, the evidence and the argument, with no placeholders left', () => {
    const d = buildDefence(defenceInput());
    expect(Defence.safeParse(d).success).toBe(true);
    expect(d.sections.map((s) => s.title)).toEqual(['Summary', 'The order was delivered', 'Evidence', 'Timeline']);
    expect(d.text).toContain(ORDER_ID);
    expect(d.text).toContain('Seller: Kaffeehaus Schmidt GmbH');
    expect(d.text).toContain('2026-11-02 13:30 UTC  Order 302-1234567-1234567 placed');
    expect(d.text).toContain('2026-11-05 11:42 UTC  Delivered, confirmed by the carrier');
    expect(d.text).toContain(
      'The carrier confirms delivery on 2026-11-05 11:42 UTC to the address the buyer gave: Max Mustermann, Hauptstraße 5, 10115 Berlin, DE.',
    );
    expect(d.text).toContain('The tracking number is 00340434161094042557.');
    expect(d.text).toContain('- Tracking number: 00340434161094042557 (DHL)');
    expect(d.text).toMatch(/Not available:\n- Signature on delivery/);
    expect(d.text).not.toMatch(/\{\{|\}\}/);
    expect(d.truncated).toBe(false);
  });

  it('keeps internal notes out of the defence', () => {
    const d = buildDefence(defenceInput());
    expect(d.text).not.toContain('claimed twice');
    expect(d.sections.map((s) => s.body).join('\n')).not.toContain('claimed twice');
  });

  it('leaves out argument lines whose facts the case lacks, and says so', () => {
    const history: DisputeHistory = { events: [] };
    const d = buildDefence(defenceInput({ context: disputeContext({ trackingNumber: undefined }) }, history));
    expect(d.text).not.toContain('The tracking number is');
    expect(d.text).not.toContain('The carrier confirms delivery');
    expect(d.text).toContain('The buyer states that order 302-1234567-1234567 was not received.');
    expect(d.text).not.toContain('we ask that the dispute be decided in our favour');
    expect(d.text).toMatch(/Not available:\n- Tracking number\n- Proof of delivery/);
    expect(d.warnings.some((w) => w.startsWith('Lines left out of the argument for lack of:') && w.includes('deliveredAt'))).toBe(true);
  });

  it('an edited template with a typo never leaks its placeholder', () => {
    const template = { reason: 'not_received', language: 'en', title: 'Delivered', argument: 'Order {{orderId}}.\nTracking {{trackingNo}}.' } as const;
    expect(DefenceTemplate.safeParse(template).success).toBe(false);
    const d = buildDefence(defenceInput({ template }));
    expect(d.text).toContain(`Order ${ORDER_ID}.`);
    expect(d.text).not.toContain('trackingNo');
    expect(d.warnings).toContain('Unknown placeholders in the template: trackingNo');
  });

  it('never carries markup from page values into the text', () => {
    const history = aHistory({ messages: [{ at: '2026-11-17T19:00:00Z', from: 'buyer', text: '<b>Wo ist</b> mein <script>x</script>Paket?' }] });
    const d = buildDefence(defenceInput({}, history));
    expect(d.text).not.toMatch(/<[^>]+>/);
    expect(d.text).toContain('Wo ist mein x Paket?');
  });

  it('fits a long timeline into the maximum length, keeping the summary and the argument', () => {
    const messages = Array.from({ length: 120 }, (_, i) => ({
      at: new Date(Date.parse('2026-11-06T08:00:00Z') + i * 3_600_000).toISOString(),
      from: (i % 2 === 0 ? 'buyer' : 'seller') as 'buyer' | 'seller',
      text: `Message number ${i + 1} about the parcel and where it might be now.`,
    }));
    const d = buildDefence(defenceInput({ maxLength: 4000 }, aHistory({ messages })));
    expect(d.text.length).toBeLessThanOrEqual(4000);
    expect(d.truncated).toBe(true);
    expect(d.text).toContain('The carrier confirms delivery');
    expect(d.text).toMatch(/\(\d+ more events left out for length\)/);
    expect(d.text).toContain('Dispute filed: Artikel nicht erhalten');
    // The sections stay complete for the PDF.
    expect(d.sections[3]!.body.split('\n').length).toBeGreaterThan(120);
    expect(buildDefence(defenceInput({ maxLength: 500 }, aHistory({ messages }))).text.length).toBeLessThanOrEqual(500);
  });

  it('German defences use German headings and the German template', () => {
    const d = buildDefence(defenceInput({ language: 'de' }));
    expect(d.title).toBe(`Stellungnahme zum Fall atoz-8842, Bestellung ${ORDER_ID}`);
    expect(d.text).toContain('Die Sendungsnummer lautet 00340434161094042557.');
    expect(d.warnings).toEqual([]);
  });

  it('falls back to English where a language has no template, and warns', () => {
    const dispute = aDispute({ reason: 'duplicate', kind: 'card_dispute' });
    const d = buildDefence(defenceInput({ dispute, language: 'fr' }));
    expect(d.sections[0]!.title).toBe('Résumé');
    expect(d.warnings).toContain("No fr template for 'duplicate or paid by other means': the en one was used");
  });
});

describe('default templates', () => {
  it('exist in English for every reason and pass the template schema', () => {
    const english = DEFAULT_DEFENCE_TEMPLATES.filter((t) => t.language === 'en').map((t) => t.reason);
    expect(new Set(english).size).toBe(9);
    for (const t of DEFAULT_DEFENCE_TEMPLATES) expect(DefenceTemplate.safeParse(t).success).toBe(true);
  });

  it('fillTemplate drops only the lines it cannot fill', () => {
    expect(fillTemplate('A {{orderId}}\nB {{trackingNumber}}\nC', { orderId: '1' })).toEqual({ text: 'A 1\nC', unfilled: ['trackingNumber'], unknown: [] });
  });
});
