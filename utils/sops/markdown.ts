/**
 * The small Markdown subset SOP articles are written in: headings (#, ##, ###), paragraphs, bullet and
 * numbered lists, **bold**, *italic* (or _italic_), `inline code` and [links](https://...). The parser is
 * pure and total: any text gives a tree, never an exception, and raw HTML in the source is kept as text
 * (the renderer turns the tree into React elements only; see components/sops/SopMarkdown.tsx). Only http
 * and https links are marked safe; anything else (javascript:, data:, relative) is shown as text.
 * CommonMark (https://spec.commonmark.org/) is the reference for the syntax; this is a subset, on purpose.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; text: string; url: string; safe: boolean };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; start: number; items: Inline[][] };

/** Emphasis nests at most this deep; deeper markers stay text (keeps pathological input linear). */
const MAX_DEPTH = 4;

const HEADING = /^(#{1,3})[ \t]+(.*?)[ \t#]*$/;
const BULLET = /^[ \t]{0,3}[-*+][ \t]+(.*)$/;
const NUMBERED = /^[ \t]{0,3}(\d{1,9})[.)][ \t]+(.*)$/;
const LINK = /^\[([^\]\n]{1,500})\]\(([^()\s]{1,2000})\)/;
const SAFE_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

/** Whether a link target may become a real link: http(s) with a host, nothing else. */
export function isSafeUrl(url: string): boolean {
  if (!SAFE_URL.test(url)) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Whether the source holds something that looks like an HTML tag or comment (shown as text, but worth a warning). */
export function containsHtml(source: string): boolean {
  return /<\/?[a-zA-Z][^>]*>|<!--/.test(source);
}

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; start: number; items: string[] } | null = null;

  const flushParagraph = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n')) });
    paragraph = [];
  };
  const flushList = () => {
    if (list) blocks.push({ type: 'list', ordered: list.ordered, start: list.start, items: list.items.map((i) => parseInline(i)) });
    list = null;
  };

  for (const line of lines) {
    if (line.trim() === '') {
      flushParagraph();
      flushList();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      flushList();
      blocks.push({ type: 'heading', level: heading[1]!.length as 1 | 2 | 3, children: parseInline(heading[2]!) });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      flushParagraph();
      const ordered = numbered !== null;
      const text = bullet ? bullet[1]! : numbered![2]!;
      if (!list || list.ordered !== ordered) {
        flushList();
        list = { ordered, start: numbered ? Number(numbered[1]) : 1, items: [] };
      }
      list.items.push(text);
      continue;
    }
    // A line indented under a list item continues it; any other line continues the paragraph.
    if (list && /^[ \t]+\S/.test(line)) {
      const items: string[] = (list as { items: string[] }).items;
      items[items.length - 1] += `\n${line.trim()}`;
      continue;
    }
    flushList();
    paragraph.push(line.trim());
  }
  flushParagraph();
  flushList();
  return blocks;
}

/** Inline markup of one block. Each delimiter's "no closer after here" is remembered, so parsing stays linear. */
export function parseInline(text: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  const noCloser = new Map<string, number>();
  let buffer = '';
  const pushText = (t: string) => {
    buffer += t;
  };
  const flush = () => {
    if (buffer) out.push({ type: 'text', text: buffer });
    buffer = '';
  };
  const closerOf = (delimiter: string, from: number): number => {
    const failedAt = noCloser.get(delimiter);
    if (failedAt !== undefined && failedAt <= from) return -1;
    const at = text.indexOf(delimiter, from);
    if (at < 0) noCloser.set(delimiter, from);
    return at;
  };

  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && /[\\`*_[\]()#+\-.!]/.test(text[i + 1]!)) {
      pushText(text[i + 1]!);
      i += 2;
      continue;
    }
    if (c === '`') {
      const end = closerOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ type: 'code', text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (c === '[') {
      const link = LINK.exec(text.slice(i, i + 2600));
      if (link) {
        flush();
        out.push({ type: 'link', text: link[1]!, url: link[2]!, safe: isSafeUrl(link[2]!) });
        i += link[0].length;
        continue;
      }
    }
    if ((c === '*' || c === '_') && depth < MAX_DEPTH) {
      const strong = text[i + 1] === c;
      const delimiter = strong ? c + c : c;
      const start = i + delimiter.length;
      // An opener is followed by a non-space; `2 * 3` stays text.
      if (start < text.length && !/\s/.test(text[start]!)) {
        const end = closerOf(delimiter, start + 1);
        if (end > start && !/\s/.test(text[end - 1]!)) {
          flush();
          const children = parseInline(text.slice(start, end), depth + 1);
          out.push(strong ? { type: 'strong', children } : { type: 'em', children });
          i = end + delimiter.length;
          continue;
        }
      }
    }
    pushText(c);
    i += 1;
  }
  flush();
  return out;
}

/** The plain text of a tree (search, previews, screen-reader summaries). */
export function inlineText(nodes: readonly Inline[]): string {
  return nodes.map((n) => (n.type === 'text' || n.type === 'code' ? n.text : n.type === 'link' ? n.text : inlineText(n.children))).join('');
}
