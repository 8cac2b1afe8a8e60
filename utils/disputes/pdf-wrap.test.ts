import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { wrapText } from './pdf';

const WIDTH = 483; // A4 less the margins, as the defence uses

describe('wrapText on words wider than a line', () => {
  it('breaks a 4,000-character word in well under the event loop budget, every line full and fitting', async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const word = 'Wm'.repeat(2000);
    // Work is counted in characters measured, which a loaded machine cannot blur: the version that
    // re-measured one character shorter at a time measured about 30 million here (13.6 s in a request).
    const measure = font.widthOfTextAtSize.bind(font);
    let measured = 0;
    font.widthOfTextAtSize = (text, size) => {
      measured += text.length;
      return measure(text, size);
    };
    const lines = wrapText(`see ${word} end`, font, 10, WIDTH);
    expect(measured).toBeLessThan(30 * word.length);
    expect(lines.join('').replace(/^see|\s*end$/g, '')).toBe(word);
    for (const line of lines) expect(font.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(WIDTH);
    // Each broken piece is the longest that fits: one more character would not.
    const pieces = lines.slice(1, -1);
    for (const [i, piece] of pieces.entries()) {
      const next = pieces[i + 1] ?? lines[lines.length - 1]!;
      expect(font.widthOfTextAtSize(piece + next[0], 10)).toBeGreaterThan(WIDTH);
    }
  });

  it('keeps a paragraph indent on every piece of a broken word', async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const lines = wrapText(`    ${'x'.repeat(600)}`, font, 10, WIDTH);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(line.startsWith('    x')).toBe(true);
      expect(font.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(WIDTH);
    }
    expect(lines.map((l) => l.trim()).join('')).toBe('x'.repeat(600));
  });
});
