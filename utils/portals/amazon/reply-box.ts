import { findReplyTarget } from '../reply-box';
import type { ReplyTarget } from '../types';
import { REPLY_BOX } from './selectors';

/** The reply box of a Seller Central page: kat-textarea (inner textarea), plain textarea or an editor. */
export function findAmazonReplyBox(doc: Document): ReplyTarget | null {
  return findReplyTarget(doc, REPLY_BOX);
}
