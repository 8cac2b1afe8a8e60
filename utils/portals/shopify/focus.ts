import { findReplyTarget } from '../reply-box';
import type { ReplyTarget } from '../types';
import { COMMENT_BOX, SECTIONS } from './labels';
import { deepText } from '../deep-dom';
import { foldLabel } from '../label-value';

/**
 * The timeline's comment box: where a template goes on an order page, as an internal note (comments are
 * staff-only [Shopify help, Timeline]). A textarea in older builds, an editable textbox in newer ones.
 * Only a box inside the Timeline card counts, else one labelled "Leave a comment" in the page's
 * language: never the search field, the tags input or a box of another card.
 */
const BOXES = ['textarea', '[contenteditable="true"][role="textbox"]', '[contenteditable="true"]'] as const;

function timelineCard(doc: Document): Element | undefined {
  const wanted = new Set(SECTIONS.timeline.map(foldLabel));
  const heading = Array.from((doc.querySelector('main') ?? doc).querySelectorAll('h2, h3')).find((h) => wanted.has(foldLabel(deepText(h) ?? '')));
  return heading ? (heading.closest('section') ?? heading.parentElement ?? undefined) : undefined;
}

const isCommentBox = (el: Element) => {
  const label = `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('placeholder') ?? ''} ${el.getAttribute('data-placeholder') ?? ''}`.toLowerCase();
  return COMMENT_BOX.some((l) => label.includes(l.toLowerCase()));
};

export function findCommentBox(doc: Document): ReplyTarget | null {
  const card = timelineCard(doc);
  if (card) return findReplyTarget(doc, BOXES, [card]);
  const labelled = Array.from(doc.querySelectorAll(BOXES.join(', '))).filter(isCommentBox);
  return labelled.length ? findReplyTarget(doc, BOXES, labelled) : null;
}
