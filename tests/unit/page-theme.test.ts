import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHART_COLOURS } from '../../components/reports/ReportChart';
import { PAGE_STYLE } from '../../server/web/page';

// The colour sets of the extension's pages (components/page-theme.css) and of the backend's pages
// (PAGE_STYLE), light and dark, against WCAG AA: 4.5:1 for text, 3:1 for control borders, focus
// outlines and chart series. The browser checks (axe in tests/e2e/a11y.spec.ts) see only what a page
// shows at that moment; these pairs cover every state (hover, breached, banners) in both schemes.

type Scheme = Record<string, string>;

const DARK_QUERY = '@media (prefers-color-scheme: dark)';

/** The custom properties of the light set (before the dark media query) and of the dark set (light, overridden). */
function schemes(css: string): { light: Scheme; dark: Scheme; darkOwn: Scheme } {
  const at = css.indexOf(DARK_QUERY);
  expect(at, 'a dark media query').toBeGreaterThan(0);
  const decls = (text: string): Scheme => Object.fromEntries([...text.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{3,6})\b/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
  const light = decls(css.slice(0, at));
  let depth = 0;
  let end = css.indexOf('{', at);
  for (let i = end; i < css.length; i++) {
    if (css[i] === '{') depth++;
    if (css[i] === '}' && --depth === 0) {
      end = i;
      break;
    }
  }
  const darkOwn = decls(css.slice(at, end));
  return { light, dark: { ...light, ...darkOwn }, darkOwn };
}

function luminance(hex: string): number {
  const h = hex.length === 4 ? [...hex.slice(1)].map((c) => c + c).join('') : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

function expectPairs(scheme: Scheme, name: string, pairs: [string, string[], number][]): void {
  const short: string[] = [];
  for (const [fg, backgrounds, min] of pairs)
    for (const bg of backgrounds) {
      const [a, b] = [scheme[fg], scheme[bg]];
      if (!a || !b) short.push(`${fg} on ${bg}: not defined`);
      else if (contrast(a, b) < min) short.push(`${fg} ${a} on ${bg} ${b}: ${contrast(a, b).toFixed(2)}:1, under ${min}:1`);
    }
  expect(short, name).toEqual([]);
}

function expectLightAndDark({ light, dark, darkOwn }: ReturnType<typeof schemes>): void {
  expect(luminance(light['--bg']!), 'light background').toBeGreaterThan(0.9);
  expect(luminance(dark['--bg']!), 'dark background').toBeLessThan(0.02);
  // Every colour has its dark value, so none stays light on a dark page.
  for (const key of Object.keys(light)) if (key !== '--btn-fg') expect(darkOwn, `dark ${key}`).toHaveProperty(key);
}

describe('the extension pages’ colours (components/page-theme.css)', () => {
  const theme = schemes(readFileSync('components/page-theme.css', 'utf8'));
  const TEXT: [string, string[], number][] = [
    ['--fg', ['--bg', '--subtle-bg', '--hover-bg', '--ok-bg', '--bad-bg', '--error-bg', '--banner-bg'], 4.5],
    ['--muted', ['--bg', '--subtle-bg', '--hover-bg', '--bad-bg', '--banner-bg'], 4.5],
    ['--link', ['--bg', '--subtle-bg', '--hover-bg'], 4.5],
    ['--ok', ['--bg', '--subtle-bg', '--hover-bg', '--ok-bg'], 4.5],
    ['--warn', ['--bg', '--subtle-bg', '--hover-bg', '--banner-bg'], 4.5],
    ['--bad', ['--bg', '--subtle-bg', '--hover-bg', '--bad-bg', '--error-bg'], 4.5],
    ['--btn-fg', ['--btn-bg'], 4.5],
    ['--control-border', ['--bg', '--subtle-bg'], 3],
    ['--focus', ['--bg', '--subtle-bg', '--bad-bg'], 3],
  ];

  it('has a light and a dark set, every colour in both', () => expectLightAndDark(theme));
  it('meets AA in the light scheme', () => expectPairs(theme.light, 'light', TEXT));
  it('meets AA in the dark scheme', () => expectPairs(theme.dark, 'dark', TEXT));

  it('draws the report charts’ series at 3:1 on both backgrounds', () => {
    for (const colour of CHART_COLOURS) {
      expect(contrast(colour, theme.light['--bg']!), `${colour} light`).toBeGreaterThanOrEqual(3);
      expect(contrast(colour, theme.dark['--bg']!), `${colour} dark`).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(['popup', 'options', 'leads', 'reports', 'disputes'])('%s.css takes its colours from the theme only', (page) => {
    const css = readFileSync(`entrypoints/${page}/${page}.css`, 'utf8');
    expect(css.startsWith("@import '../../components/page-theme.css';")).toBe(true);
    // A literal colour would stay the same in the dark scheme.
    expect(css.match(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|(?<![\w-])(white|black)(?![\w-])/gi)).toBeNull();
  });
});

describe('the backend pages’ colours (PAGE_STYLE)', () => {
  const theme = schemes(PAGE_STYLE);
  const TEXT: [string, string[], number][] = [
    ['--fg', ['--bg', '--subtle-bg'], 4.5],
    ['--muted', ['--bg', '--subtle-bg'], 4.5],
    ['--link', ['--bg', '--subtle-bg'], 4.5],
    ['--bad', ['--bg', '--subtle-bg'], 4.5],
    ['--control-border', ['--bg', '--subtle-bg'], 3],
    ['--focus', ['--bg', '--subtle-bg'], 3],
  ];

  it('has a light and a dark set, every colour in both', () => expectLightAndDark(theme));
  it('meets AA in the light scheme', () => expectPairs(theme.light, 'light', TEXT));
  it('meets AA in the dark scheme', () => expectPairs(theme.dark, 'dark', TEXT));
  it('uses no colour outside the custom properties', () => {
    const rules = PAGE_STYLE.replace(/--[\w-]+:\s*#[0-9a-f]{3,6}\b/gi, '');
    expect(rules.match(/#[0-9a-f]{3,8}\b|rgba?\(/gi)).toBeNull();
  });
});
