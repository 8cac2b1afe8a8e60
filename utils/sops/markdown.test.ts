import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsHtml, inlineText, isSafeUrl, parseInline, parseMarkdown, type Block, type Inline } from './markdown';

describe('parseMarkdown', () => {
  it('reads headings, paragraphs, bullet and numbered lists', () => {
    const tree = parseMarkdown('# Refund first\n\nCheck the **tracking** and\nthe *carrier*.\n\n- one\n- two `code`\n\n3. third\n4. fourth');
    expect(tree).toEqual<Block[]>([
      { type: 'heading', level: 1, children: [{ type: 'text', text: 'Refund first' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Check the ' },
          { type: 'strong', children: [{ type: 'text', text: 'tracking' }] },
          { type: 'text', text: ' and\nthe ' },
          { type: 'em', children: [{ type: 'text', text: 'carrier' }] },
          { type: 'text', text: '.' },
        ],
      },
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: [
          [{ type: 'text', text: 'one' }],
          [
            { type: 'text', text: 'two ' },
            { type: 'code', text: 'code' },
          ],
        ],
      },
      { type: 'list', ordered: true, start: 3, items: [[{ type: 'text', text: 'third' }], [{ type: 'text', text: 'fourth' }]] },
    ]);
  });

  it('keeps raw HTML as text', () => {
    const tree = parseMarkdown('<script>alert(1)</script>\n<img src=x onerror=alert(1)>');
    expect(tree).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: '<script>alert(1)</script>\n<img src=x onerror=alert(1)>' }] }]);
    expect(containsHtml('<script>alert(1)</script>')).toBe(true);
    expect(containsHtml('2 < 3 and 4 > 1')).toBe(false);
  });

  it('makes only http(s) links safe', () => {
    const links = parseInline('[a](https://sellercentral.amazon.de/help) [b](javascript:alert(1)) [c](data:text/html,x) [d](/relative)');
    const found = links.filter((n): n is Extract<Inline, { type: 'link' }> => n.type === 'link').map((l) => [l.text, l.safe]);
    expect(found).toEqual([
      ['a', true],
      ['c', false],
      ['d', false],
    ]);
    // javascript:alert(1) holds parentheses, so it is not a link at all: it stays text.
    expect(inlineText(links)).toContain('javascript:alert(1)');
    expect(isSafeUrl('JAVASCRIPT://x')).toBe(false);
    expect(isSafeUrl('http://x')).toBe(true);
  });

  it('leaves lone markers and escaped markers as text', () => {
    expect(inlineText(parseInline('2 * 3 * 4 and \\*not em\\*'))).toBe('2 * 3 * 4 and *not em*');
    expect(parseInline('**unclosed')).toEqual([{ type: 'text', text: '**unclosed' }]);
  });

  it('keeps every character of the source but markup (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const plain = s.replace(/[*_`[\]()\\#\-+.!\n\r\t0-9]/g, '');
        const tree = parseMarkdown(s);
        const text = tree.map((b) => (b.type === 'list' ? b.items.map((i) => inlineText(i)).join('') : inlineText(b.children))).join('');
        for (const ch of plain.trim()) if (ch.trim()) expect(text).toContain(ch);
      }),
      { numRuns: 300 },
    );
  });

  it('is linear enough for a 20,000-character article of open markers', () => {
    const started = performance.now();
    parseMarkdown('**_`['.repeat(5_000));
    parseMarkdown('*a'.repeat(10_000));
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
