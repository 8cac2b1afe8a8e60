/**
 * Small DOM readers shared by the adapters. They only ever read `textContent` (never markup), so
 * anything a buyer typed stays plain text.
 */

/** Text of an element with whitespace collapsed; undefined when absent or empty. */
export function textOf(el: Element | null | undefined): string | undefined {
  const text = el?.textContent?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}

/** The text nodes under an element, trimmed, one entry each (keeps visual lines apart). */
export function textLines(el: Node): string[] {
  const lines: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      const text = node.textContent?.replace(/\s+/g, ' ').trim();
      if (text) lines.push(text);
    }
    node.childNodes.forEach(walk);
  };
  walk(el);
  return lines;
}

/** First element matching any of the selectors, in order of preference. */
export function queryFirst(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/** Text of the first matching selector with text. */
export function textFirst(root: ParentNode, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    const text = textOf(root.querySelector(selector));
    if (text) return text;
  }
  return undefined;
}

const foldLabel = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/[:：]\s*$/, '')
    .trim()
    .toLowerCase();

/**
 * The value shown next to a label ("Order ID: ...", "Bestellnummer"), for pages whose hooks changed.
 * Looks at short leaf-ish elements whose own text is the label and takes the next sibling's text, or
 * the rest of the parent's text when label and value share one element.
 */
export function valueByLabel(root: ParentNode, labels: readonly string[], scope = 'span, div, td, th, dt, dd, label, b, strong, p, li'): string | undefined {
  const wanted = new Set(labels.map(foldLabel));
  for (const el of Array.from(root.querySelectorAll(scope))) {
    const own = el.textContent ?? '';
    if (own.length > 80) continue;
    if (!wanted.has(foldLabel(own))) continue;
    const sibling = textOf(el.nextElementSibling);
    if (sibling) return sibling;
    const parentText = textOf(el.parentElement);
    const rest = parentText
      ?.slice(parentText.indexOf(own.trim()) + own.trim().length)
      .replace(/^[\s:：]+/, '')
      .trim();
    if (rest) return rest;
  }
  return undefined;
}

/** Runs one field reader; a throw becomes undefined so one broken field never breaks the page. */
export function safely<T>(read: () => T | undefined): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** Collects which expected fields a page lacked, for `recognition.missing`. */
export class MissingFields {
  readonly names: string[] = [];

  /** Returns the value; records `name` when it is undefined (or an empty array). */
  expect<T>(name: string, value: T | undefined): T | undefined {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) this.names.push(name);
    return value;
  }

  add(name: string): void {
    this.names.push(name);
  }
}

/** Keeps only defined keys so the object stays small and strict schemas accept it. */
export function compact<T extends Record<string, unknown>>(obj: T): T | undefined {
  const entries = Object.entries(obj).filter(([, v]) => v !== undefined);
  return entries.length ? (Object.fromEntries(entries) as T) : undefined;
}
