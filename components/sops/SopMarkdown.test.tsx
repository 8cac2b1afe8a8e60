// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { SOP_ELEMENTS, SopMarkdown } from './SopMarkdown';

afterEach(cleanup);

const ALLOWED = new Set<string>(SOP_ELEMENTS);
const ALLOWED_ATTRIBUTES = new Set(['class', 'href', 'target', 'rel', 'start']);

function checkTree(root: Element) {
  for (const el of [root, ...root.querySelectorAll('*')]) {
    expect(ALLOWED.has(el.tagName.toLowerCase()), el.tagName).toBe(true);
    for (const attr of el.getAttributeNames()) expect(ALLOWED_ATTRIBUTES.has(attr), attr).toBe(true);
    if (el.tagName === 'A') {
      expect(el.getAttribute('href')).toMatch(/^https?:\/\//i);
      expect(el.getAttribute('rel')).toBe('noopener noreferrer');
      expect(el.getAttribute('target')).toBe('_blank');
    }
  }
}

const markdownish = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('# ', '## ', '- ', '1. ', '**', '*', '_', '`', '[x](', ')', '\n', '\n\n', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>'),
      fc.constantFrom('javascript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'https://example.com/a?b=1', 'http://x'),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('SopMarkdown', () => {
  it('renders the subset as elements', () => {
    const { container } = render(<SopMarkdown source={'## Steps\n\n1. Check **tracking**\n2. See [help](https://sellercentral.amazon.de/help)'} />);
    expect(container.querySelector('h5')?.textContent).toBe('Steps');
    expect(container.querySelectorAll('ol li')).toHaveLength(2);
    expect(container.querySelector('strong')?.textContent).toBe('tracking');
    expect(container.querySelector('a')?.getAttribute('href')).toBe('https://sellercentral.amazon.de/help');
  });

  it('shows script and HTML as text, and a javascript: link as text with its address', () => {
    const { container } = render(<SopMarkdown source={'<script>alert(1)</script> <b onclick="x()">bold</b> [click](javascript:void)'} />);
    expect(container.querySelector('script, b, [onclick]')).toBeNull();
    expect(container.textContent).toContain('<script>alert(1)</script>');
    expect(container.textContent).toContain('<b onclick="x()">bold</b>');
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toContain('click (javascript:void)');
  });

  it('any input renders without throwing, only to allowed elements, and HTML stays text (property)', () => {
    fc.assert(
      fc.property(markdownish, (source) => {
        const { container } = render(<SopMarkdown source={source} />);
        checkTree(container.firstElementChild!);
        if (source.includes('<script>')) expect(container.textContent).toContain('<script>');
        cleanup();
      }),
      { numRuns: 200 },
    );
  });
});
