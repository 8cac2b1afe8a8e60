import type { DisputeView } from '@/utils/api-routes/disputes';

/** A Stripe dispute or inquiry, not an early fraud warning: the ones the backend prepares Stripe evidence for. */
export const isStripeDispute = (d: Pick<DisputeView['dispute'], 'source' | 'stage'>): boolean => d.source === 'stripe' && d.stage !== 'alert';
