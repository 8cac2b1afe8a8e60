/**
 * Reading pages built from web components. Amazon's Katal (`kat-*`) elements render their text inside
 * open shadow roots, where the host's `textContent` and `innerText` do not see it; these helpers read
 * what the agent sees, light DOM and open shadow roots alike. They only ever read text, never markup.
 */

/** Elements whose shadow root holds every option: only the chosen one is what the page shows. */
const CHOICE_HOSTS = new Set(['KAT-DROPDOWN', 'KAT-SELECT']);
/** Never read: scripts, styles and templates are not what the agent sees. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/**
 * The extension's own UI (the panel's host, `caseside-panel`, and its siblings) sits in the portal's
 * page with an open shadow root: it is never part of the page being read, and its note box is never
 * the portal's reply box.
 */
export const isOwnUi = (el: Element): boolean => el.tagName.startsWith('CASESIDE-');

/** The text a person sees in an element, including open shadow roots; whitespace collapsed. */
export function deepText(el: Node | null | undefined): string | undefined {
  if (!el) return undefined;
  const parts: string[] = [];
  collectText(el, parts);
  const text = parts.join(' ').replace(/\s+/g, ' ').trim();
  return text || undefined;
}

function collectText(node: Node, parts: string[]): void {
  if (node.nodeType === 3) {
    parts.push(node.textContent ?? '');
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 11 && node.nodeType !== 9) return;
  const el = node as Element;
  if (node.nodeType === 1) {
    if (SKIPPED.has(el.tagName) || isOwnUi(el)) return;
    if (el.hasAttribute?.('hidden')) return;
    if (CHOICE_HOSTS.has(el.tagName)) {
      parts.push(chosenOptionText(el));
      return;
    }
    const shadow = (el as HTMLElement).shadowRoot;
    if (shadow) {
      collectText(shadow, parts);
      // Light children show only where the shadow root has a slot for them.
      if (!shadow.querySelector('slot')) {
        // Katal hosts often carry their text in an attribute that the shadow root renders.
        return;
      }
    } else if (el.tagName.startsWith('KAT-') && !el.firstChild) {
      const attr = el.getAttribute('text') ?? el.getAttribute('label');
      if (attr) parts.push(attr);
      return;
    }
  }
  node.childNodes.forEach((child) => collectText(child, parts));
}

/** The chosen option of a kat-dropdown: its `value` attribute's option, else the one marked selected. */
function chosenOptionText(host: Element): string {
  const value = host.getAttribute('value');
  const roots: ParentNode[] = [host, ...((host as HTMLElement).shadowRoot ? [(host as HTMLElement).shadowRoot!] : [])];
  for (const root of roots) {
    const options = Array.from(root.querySelectorAll('[value], [selected], [aria-selected="true"]'));
    const chosen =
      options.find((o) => o.hasAttribute('selected') || o.getAttribute('aria-selected') === 'true') ??
      (value !== null ? options.find((o) => o.getAttribute('value') === value) : undefined);
    if (chosen) return deepText(chosen) ?? chosen.getAttribute('label') ?? '';
  }
  return host.getAttribute('label') ?? value ?? '';
}

/** Every element under `root`, descending into open shadow roots (document order, shadow content first). */
export function deepElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  const walk = (parent: ParentNode) => {
    for (const child of Array.from(parent.children)) {
      if (SKIPPED.has(child.tagName) || isOwnUi(child)) continue;
      out.push(child);
      const shadow = (child as HTMLElement).shadowRoot;
      if (shadow) walk(shadow);
      walk(child);
    }
  };
  walk(root);
  return out;
}

/** querySelectorAll that also looks inside open shadow roots. */
export function deepQueryAll(root: ParentNode, selector: string): Element[] {
  const found: Element[] = [];
  const visit = (scope: ParentNode) => {
    found.push(...Array.from(scope.querySelectorAll(selector)).filter((el) => !isOwnUi(el)));
    for (const el of Array.from(scope.querySelectorAll('*'))) {
      const shadow = (el as HTMLElement).shadowRoot;
      if (shadow && !isOwnUi(el)) visit(shadow);
    }
  };
  visit(root);
  return found;
}

export function deepQuery(root: ParentNode, selector: string): Element | null {
  return root.querySelector(selector) ?? deepQueryAll(root, selector)[0] ?? null;
}

/** The element's parent, crossing from a shadow root to its host. */
export function composedParent(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root && (root as ShadowRoot).host ? (root as ShadowRoot).host : null;
}

/** True when `el` is inside `ancestor`, crossing shadow boundaries. */
export function composedContains(ancestor: Element, el: Element): boolean {
  let node: Element | null = el;
  while (node) {
    if (node === ancestor) return true;
    node = composedParent(node);
  }
  return false;
}

/**
 * The documents a page shows: the frame's own and those of its same-origin iframes (the messaging
 * inbox may render the open thread in one). Cross-origin frames are skipped (unreadable by design).
 */
export function pageDocuments(doc: Document): Document[] {
  const docs = [doc];
  for (const frame of Array.from(doc.querySelectorAll('iframe'))) {
    try {
      const inner = (frame as HTMLIFrameElement).contentDocument;
      if (inner?.body && inner !== doc) docs.push(...pageDocuments(inner));
    } catch {
      // cross-origin: not ours to read
    }
  }
  return docs;
}
