import type { QueueItem } from './schemas/admin';

/** A queue item's own key: a processor's dispute and its order's case can both be in the queue. */
export const queueKey = (item: QueueItem): string => (item.dispute ? `dispute:${item.dispute.id}` : item.case.id);
