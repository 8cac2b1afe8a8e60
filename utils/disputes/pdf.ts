import { PDFDocument, PageSizes, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Defence } from '../schemas/disputes';

export type DefencePdfOptions = {
  /** Drawn at the top of the first page; the defence's own title by default. */
  title?: string;
  /** Left part of every page's footer, e.g. the seller and the order id. */
  footer?: string;
  /** Creation date written into the file (defaults to now); tests pass a fixed one. */
  generatedAt?: Date;
  author?: string;
};

/** What the standard fonts cannot draw becomes this: visible, so a reader knows something was there. */
export const UNENCODABLE_SUBSTITUTE = '?';

const MARGIN = 56;
const FOOTER_Y = 28;
const TITLE_SIZE = 16;
const HEADING_SIZE = 12;
const BODY_SIZE = 10;
const LEADING = 1.4;
const GREY = rgb(0.35, 0.35, 0.35);

// Look-alikes for common characters outside WinAnsi, before falling back to the substitute.
const LOOKALIKES: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2212': '-',
  '\u2192': '->',
  '\u2190': '<-',
  '\u21D2': '=>',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2009': ' ',
  '\u200A': ' ',
  '\u202F': ' ',
  '\u2007': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u0141': 'L',
  '\u0142': 'l',
  '\u0110': 'D',
  '\u0111': 'd',
  '\u0131': 'i',
  '\u2032': "'",
  '\u2033': '"',
  '\u00A0': ' ',
  '\t': '    ',
};

/**
 * Text the font can encode. Helvetica uses WinAnsi (Latin-1 plus a few typographic characters), so
 * Japanese names, emoji, Polish "ł" and the like would make pdf-lib throw. Accented letters outside the
 * set fall back to their base letter ("ő" to "o"); everything else becomes a visible "?".
 */
export function toEncodable(text: string, supported: ReadonlySet<number>): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\n' || supported.has(cp)) {
      out += ch;
      continue;
    }
    const lookalike = LOOKALIKES[ch];
    if (lookalike !== undefined) {
      out += lookalike;
      continue;
    }
    if (/\p{M}/u.test(ch) || (cp < 0x20 && ch !== '\n')) continue; // stray combining marks and controls
    const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
    out += base !== '' && [...base].every((b) => supported.has(b.codePointAt(0)!)) ? base : UNENCODABLE_SUBSTITUTE;
  }
  return out;
}

/** Lines of at most `width` points; words wider than a line are broken by character. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const indent = /^\s*/.exec(paragraph)![0];
    const words = paragraph
      .trim()
      .split(/\s+/)
      .filter((w) => w !== '');
    if (words.length === 0) {
      lines.push('');
      continue;
    }
    let line = indent;
    const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
    for (let word of words) {
      const candidate = line.trim() === '' ? `${indent}${word}` : `${line} ${word}`;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line.trim() !== '') lines.push(line);
      line = indent;
      while (word.length > 1) {
        const cut = longestFittingPrefix(word.length, (n) => fits(`${indent}${word.slice(0, n)}`));
        if (cut === word.length) break;
        lines.push(`${indent}${word.slice(0, cut)}`);
        word = word.slice(cut);
      }
      line = `${indent}${word}`;
    }
    if (line.trim() !== '') lines.push(line);
  }
  return lines;
}

/**
 * The longest prefix length (at least 1) for which `fitsPrefix` holds, by galloping then bisecting, so
 * only O(log n) prefixes no longer than about twice a line are measured. Re-measuring one character
 * shorter at a time made a 4,000-character word cost seconds.
 */
function longestFittingPrefix(length: number, fitsPrefix: (length: number) => boolean): number {
  let good = 1;
  let bad = 2;
  while (bad <= length && fitsPrefix(bad)) {
    good = bad;
    bad *= 2;
  }
  // length + 1 stands for "past the end", which never fits.
  bad = Math.min(bad, length + 1);
  while (bad - good > 1) {
    const mid = (good + bad) >> 1;
    if (fitsPrefix(mid)) good = mid;
    else bad = mid;
  }
  return good;
}

/**
 * The defence as an A4 PDF for portals and processors that take documents: title, each section with
 * its heading and wrapped text, new pages as needed, and "Page n of N" in every footer.
 */
export async function renderDefencePdf(defence: Pick<Defence, 'title' | 'sections'>, opts: DefencePdfOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const supported = new Set(regular.getCharacterSet());
  const safe = (s: string) => toEncodable(s, supported);
  const title = safe(opts.title ?? defence.title);

  doc.setTitle(title);
  doc.setProducer('Caseside');
  doc.setCreator('Caseside');
  if (opts.author) doc.setAuthor(safe(opts.author));
  const at = opts.generatedAt ?? new Date();
  doc.setCreationDate(at);
  doc.setModificationDate(at);

  const [pageWidth, pageHeight] = PageSizes.A4;
  const textWidth = pageWidth - 2 * MARGIN;
  const bottom = MARGIN + 10;
  let page: PDFPage = doc.addPage(PageSizes.A4);
  let y = pageHeight - MARGIN;

  const draw = (lines: string[], font: PDFFont, size: number, gapAfter: number, reserveAfter = 0) => {
    const step = size * LEADING;
    // A heading never ends a page alone: `reserveAfter` keeps room for the first lines of its section.
    if (y - step - reserveAfter < bottom) {
      page = doc.addPage(PageSizes.A4);
      y = pageHeight - MARGIN;
    }
    for (const line of lines) {
      if (y - step < bottom) {
        page = doc.addPage(PageSizes.A4);
        y = pageHeight - MARGIN;
      }
      y -= step;
      if (line !== '') page.drawText(line, { x: MARGIN, y, size, font });
    }
    y -= gapAfter;
  };

  draw(wrapText(title, bold, TITLE_SIZE, textWidth), bold, TITLE_SIZE, 12);
  for (const section of defence.sections) {
    draw(wrapText(safe(section.title), bold, HEADING_SIZE, textWidth), bold, HEADING_SIZE, 4, 2 * BODY_SIZE * LEADING);
    draw(wrapText(safe(section.body), regular, BODY_SIZE, textWidth), regular, BODY_SIZE, 12);
  }

  const pages = doc.getPages();
  const footer = opts.footer ? safe(opts.footer) : '';
  pages.forEach((p, i) => {
    const number = `Page ${i + 1} of ${pages.length}`;
    const numberWidth = regular.widthOfTextAtSize(number, 8);
    p.drawText(number, { x: pageWidth - MARGIN - numberWidth, y: FOOTER_Y, size: 8, font: regular, color: GREY });
    if (footer) {
      const room = textWidth - numberWidth - 16;
      const [first] = wrapText(footer.replace(/\n/g, ' '), regular, 8, room);
      if (first) p.drawText(first, { x: MARGIN, y: FOOTER_Y, size: 8, font: regular, color: GREY });
    }
  });
  return doc.save();
}
