import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildChecklist } from './checklist';
import { buildDefence } from './defence';
import { renderDefencePdf, toEncodable, UNENCODABLE_SUBSTITUTE } from './pdf';
import { buildTimeline } from './timeline';
import { aDispute, aHistory, disputeContext, ORDER_ID } from '../../tests/helpers/disputes';
import type { DisputeHistory } from './case-history';

// Helvetica's metrics for pdf.js, so reading back does not warn about missing standard font data.
const standardFontDataUrl = `${dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/standard_fonts/`;

/** The text of each page, as a PDF reader extracts it. */
async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes.slice(), standardFontDataUrl, useSystemFonts: false, isEvalSupported: false }).promise;
  const texts: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return texts;
}

function defenceFor(history: DisputeHistory) {
  const dispute = aDispute();
  const context = disputeContext();
  return buildDefence({
    dispute,
    context,
    history,
    checklist: buildChecklist({ dispute, context, history }),
    timeline: buildTimeline({ dispute, context, history }),
    seller: { name: 'Kaffeehaus Schmidt GmbH' },
  });
}

const FIXED = { generatedAt: new Date('2026-11-20T10:00:00Z') };

describe('renderDefencePdf', () => {
  it('writes the title, the sections and a page footer that a reader can extract', async () => {
    const bytes = await renderDefencePdf(defenceFor(aHistory()), { ...FIXED, footer: `Kaffeehaus Schmidt GmbH, order ${ORDER_ID}` });
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const pages = await pageTexts(bytes);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain(`Response to dispute atoz-8842 on order ${ORDER_ID}`);
    expect(pages[0]).toContain('The order was delivered');
    expect(pages[0]).toContain('Delivered, confirmed by the carrier');
    expect(pages[0]).toContain('Page 1 of 1');
    expect(pages[0]).toContain('Kaffeehaus Schmidt GmbH, order');
  });

  it('breaks a long timeline over several pages, numbering each', async () => {
    const messages = Array.from({ length: 150 }, (_, i) => ({
      at: new Date(Date.parse('2026-11-06T08:00:00Z') + i * 3_600_000).toISOString(),
      from: 'buyer' as const,
      text: `Message number ${i + 1}: where is my parcel? I have been waiting for a long time and would like an answer today.`,
    }));
    const pages = await pageTexts(await renderDefencePdf(defenceFor(aHistory({ messages })), FIXED));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${pages.length}`));
    expect(pages[pages.length - 1]).toContain('Message number 150');
    expect(pages.join(' ')).toContain('Message number 1:');
  });

  it('replaces characters the font cannot encode instead of crashing', async () => {
    const defence = {
      title: 'Dispute for 山田 太郎 📦',
      sections: [{ title: 'Buyer 🙂', body: 'Nachricht: Paket nie angekommen 😡, Łódź → Kraków, Ő, naïve café €5 “quoted”' }],
    };
    const pages = await pageTexts(await renderDefencePdf(defence, FIXED));
    expect(pages[0]).toContain('Dispute for ?? ?? ?');
    expect(pages[0]).toContain('Paket nie angekommen ?');
    expect(pages[0]).toContain('Lódz -> Kraków, O, naïve café €5 “quoted”');
  });

  it('toEncodable keeps what WinAnsi has and substitutes the rest', () => {
    const supported = new Set([...'abc é€'].map((c) => c.codePointAt(0)!));
    expect(toEncodable('abc é€ 日本 👍', supported)).toBe(`abc é€ ${UNENCODABLE_SUBSTITUTE}${UNENCODABLE_SUBSTITUTE} ${UNENCODABLE_SUBSTITUTE}`);
  });
});
