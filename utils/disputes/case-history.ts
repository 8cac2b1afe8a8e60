import type { Money } from '../schemas/common';
import type { CaseEvent } from '../schemas/api';
import type { Dispute } from '../schemas/disputes';

/** A dispute as the engine needs it: the stored record, or one being built from a page. */
export type DisputeLike = Pick<Dispute, 'id' | 'kind' | 'orderId' | 'reason' | 'amount' | 'filedAt'> &
  Partial<
    Pick<
      Dispute,
      'network' | 'reasonCode' | 'reasonText' | 'deadline' | 'status' | 'evidence' | 'source' | 'stage' | 'reasonGroup' | 'orderMatch' | 'processorStatus'
    >
  >;

/** A case event as the backend returns it; only what the engine reads is required. */
export type CaseEventLike = Pick<CaseEvent, 'type' | 'text' | 'createdAt'> & Partial<Pick<CaseEvent, 'agentName' | 'data'>>;

export type HistoryMessage = {
  at: string;
  /** Who wrote it: the buyer, the team, Zalando Customer Care, or Amazon. */
  from: 'buyer' | 'seller' | 'customer_care' | 'marketplace';
  /** Plain text. */
  text: string;
};

export type HistoryRefund = { at: string; amount: Money; reference?: string };

/** What the team's records know about the order behind a dispute. */
export type DisputeHistory = {
  events: CaseEventLike[];
  trackingNumber?: string;
  carrier?: string;
  shippedAt?: string;
  deliveredAt?: string;
  messages?: HistoryMessage[];
  refunds?: HistoryRefund[];
};

/** Evidence an agent typed or uploaded for one checklist item (or marked as not applicable). */
export type ProvidedEvidence = {
  key: string;
  /** Needed only for keys the standard checklist does not have. */
  label?: string;
  value?: string;
  attachmentId?: string;
  notApplicable?: boolean;
};
