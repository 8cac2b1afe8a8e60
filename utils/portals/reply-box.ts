import { composedContains, deepQueryAll } from './deep-dom';
import type { ReplyTarget } from './types';

/**
 * Puts a template's text into the portal's reply box the way typing would, so the portal's own
 * framework (Amazon's kat-* components, React forms) sees the change and enables its send button.
 * Text is inserted at the caret and what the agent already typed is kept. Never uses innerHTML:
 * the text may contain buyer-supplied strings.
 */
export type InsertResult = { ok: true } | { ok: false; error: string };

export function insertIntoReplyBox(target: ReplyTarget, text: string): InsertResult {
  try {
    if (typeof text !== 'string') return { ok: false, error: 'Nothing to insert: the text is not a string.' };
    if (!target?.element?.isConnected) return { ok: false, error: 'The reply box is no longer on the page.' };
    return target.kind === 'textarea' ? insertIntoTextarea(target.element, text) : insertIntoEditable(target.element, text);
  } catch (error) {
    return { ok: false, error: `Could not insert into the reply box: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function insertIntoTextarea(textarea: HTMLTextAreaElement, text: string): InsertResult {
  if (textarea.disabled || textarea.readOnly) return { ok: false, error: 'The reply box is read-only right now.' };
  const view = textarea.ownerDocument.defaultView;
  if (!view) return { ok: false, error: 'The reply box is not in a live page.' };
  const current = textarea.value;
  const start = clamp(textarea.selectionStart ?? current.length, current.length);
  const end = clamp(textarea.selectionEnd ?? start, current.length);
  const next = current.slice(0, start) + text + current.slice(Math.max(start, end));
  if (textarea.maxLength > 0 && next.length > textarea.maxLength) {
    return { ok: false, error: `The reply would be ${next.length} characters; this box allows ${textarea.maxLength}.` };
  }
  // Frameworks track the value through the prototype setter; assigning `.value` on the element
  // (an own-property override in React) would be invisible to them.
  const setter = Object.getOwnPropertyDescriptor(view.HTMLTextAreaElement.prototype, 'value')?.set;
  if (!setter) return { ok: false, error: 'This browser hides the text box value setter.' };
  textarea.focus();
  setter.call(textarea, next);
  const caret = start + text.length;
  textarea.setSelectionRange(caret, caret);
  fireInputEvents(textarea, view, text);
  return { ok: true };
}

function insertIntoEditable(editor: HTMLElement, text: string): InsertResult {
  if (!editor.isContentEditable && editor.getAttribute('contenteditable') !== 'true') {
    return { ok: false, error: 'The reply box is not editable right now.' };
  }
  const doc = editor.ownerDocument;
  const view = doc.defaultView;
  if (!view) return { ok: false, error: 'The reply box is not in a live page.' };
  editor.focus();
  const selection = doc.getSelection();
  let range: Range;
  if (selection && selection.rangeCount > 0 && editor.contains(selection.getRangeAt(0).commonAncestorContainer)) {
    range = selection.getRangeAt(0);
  } else {
    // No caret inside the editor: append after what the agent typed.
    range = doc.createRange();
    range.selectNodeContents(editor);
    range.collapse(false);
  }
  range.deleteContents();
  const node = doc.createTextNode(text);
  range.insertNode(node);
  range.setStartAfter(node);
  range.collapse(true);
  selection?.removeAllRanges();
  selection?.addRange(range);
  fireInputEvents(editor, view, text);
  return { ok: true };
}

function fireInputEvents(element: HTMLElement, view: Window & typeof globalThis, text: string): void {
  element.dispatchEvent(new view.InputEvent('input', { inputType: 'insertText', data: text, bubbles: true, composed: true }));
  element.dispatchEvent(new view.Event('change', { bubbles: true, composed: true }));
}

const clamp = (n: number, max: number) => Math.min(Math.max(0, n), max);

/** The real textarea of a kat-textarea (open shadow root) or a plain textarea, as a reply target. */
export function textareaTarget(el: Element | null | undefined): ReplyTarget | null {
  if (!el) return null;
  if (el.tagName === 'TEXTAREA') return { kind: 'textarea', element: el as HTMLTextAreaElement };
  const inner = el.shadowRoot?.querySelector('textarea');
  if (inner) return { kind: 'textarea', element: inner, host: el };
  return null;
}

/**
 * Boxes that are never the reply: Amazon's "Was this page helpful?" feedback box, search fields, the
 * disabled or read-only preview of a message already sent, and anything hidden.
 */
const NOT_A_REPLY = /feedback|helpful|hilfreich|utile|útil|nützlich|commentaire sur cette page|search|suche|recherch|cerca|buscar|検索|zoeken|szukaj|sök/i;

function describe(el: Element): string {
  const host = el.getRootNode() instanceof ShadowRoot ? (el.getRootNode() as ShadowRoot).host : null;
  const attrs = (e: Element | null) =>
    e ? ['placeholder', 'aria-label', 'name', 'id', 'class', 'label', 'type', 'role', 'title'].map((a) => e.getAttribute(a) ?? '').join(' ') : '';
  const form = el.closest('form') ?? host?.closest('form');
  const formLabel = form
    ? `${form.getAttribute('role') ?? ''} ${form.getAttribute('aria-label') ?? ''} ${form.getAttribute('name') ?? ''} ${form.className}`
    : '';
  return `${attrs(el)} ${attrs(host)} ${formLabel}`;
}

function isHidden(el: Element): boolean {
  let node: Element | null = el;
  while (node) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
    const style = (node as HTMLElement).style;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
    node = node.parentElement ?? (node.getRootNode() as ShadowRoot).host ?? null;
  }
  return false;
}

/** Why a candidate box is not the reply box, or undefined when it is usable. */
export function notAReplyBox(el: Element, target: ReplyTarget): string | undefined {
  if (isHidden(el)) return 'hidden';
  if (el.getAttribute('type') === 'search' || el.getAttribute('role') === 'searchbox' || el.closest('[role="search"]')) return 'search';
  if (NOT_A_REPLY.test(describe(target.element)) || NOT_A_REPLY.test(describe(el))) return 'feedback or search';
  if (el.hasAttribute('disabled') || el.hasAttribute('readonly')) return 'disabled';
  if (target.kind === 'textarea' && (target.element.disabled || target.element.readOnly)) return 'disabled';
  return undefined;
}

function targetOf(el: Element): ReplyTarget | null {
  if (el.tagName !== 'TEXTAREA' && (el.getAttribute('contenteditable') === 'true' || (el as HTMLElement).isContentEditable)) {
    return { kind: 'contenteditable', element: el as HTMLElement };
  }
  return textareaTarget(el);
}

/**
 * Finds the first usable reply box among selectors, in order of preference. With `within`, only boxes
 * inside those elements count (the item in focus): a box beside another thread is not this case's.
 */
export function findReplyTarget(root: ParentNode, selectors: readonly string[], within?: readonly Element[]): ReplyTarget | null {
  const inside = (el: Element) => !within || within.some((scope) => composedContains(scope, el));
  for (const selector of selectors) {
    for (const el of deepQueryAll(root, selector)) {
      if (!inside(el)) continue;
      const target = targetOf(el);
      if (target && !notAReplyBox(el, target)) return target;
    }
  }
  return null;
}
