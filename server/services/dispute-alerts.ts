import { and, count, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { AlertDecisionBody, AlertView } from '../../utils/api-routes/disputes';
import { alertKindOf, providerOutcome, recommendAlert } from '../../utils/disputes/alerts';
import { AlertAction } from '../../utils/schemas/disputes';
import type { PageContext } from '../../utils/schemas/page';
import type { Database } from '../db/open';
import { disputes } from '../db/schema-disputes';
import { fraudSignals } from '../db/schema-reports';
import { HttpError } from '../errors';
import { getDispute, type DisputeRow } from '../repositories/disputes';
import { countEarlierBuyerOrders, type OrderRow } from '../repositories/orders';
import type { Caller } from '../repositories/tokens';
import { readTogether } from './parallel-reads';

/**
 * Pre-dispute alerts: the advice (refund, stop the shipment, or let it go) from the amount, the buyer's
 * record with the team and the order's fraud score, and the team's decision with the outcome to report
 * back to the alert provider. The decision and the outcome go into the order's case history, live.
 */

/** The decision as stored in the dispute's details (no column of its own: only alerts have one). */
const DECISION_KEYS = { action: 'alertAction', outcome: 'alertProviderOutcome', at: 'alertDecidedAt' } as const;

/** An alert's stored answer and what is reported to its provider; nulls until it is answered. */
export function storedAlertAnswer(row: Pick<DisputeRow, 'details'>): { alertAnswer: AlertAction | null; providerOutcome: string | null } {
  const action = AlertAction.safeParse(row.details[DECISION_KEYS.action]);
  const outcome = row.details[DECISION_KEYS.outcome];
  return { alertAnswer: action.success ? action.data : null, providerOutcome: typeof outcome === 'string' ? outcome.slice(0, 60) : null };
}

/** Shipped once a tracking number is known or the order's status says so, in the portals' words. */
const SHIPPED_WORDS =
  /\b(shipped|dispatched|fulfilled|delivered|versandt|versendet|zugestellt|exp[ée]di[ée]e?|livr[ée]e?|spedito|consegnato|enviado|entregado)\b/i;
export function isShipped(context: PageContext | undefined): boolean {
  if (!context) return false;
  if (context.trackingNumber) return true;
  return SHIPPED_WORDS.test(context.orderStatus ?? '');
}

/** The order's last score: the newest fraud-signal row, 0 for an order the panel scored with nothing firing, null for one never seen. */
async function lastScore(db: Database, teamId: string, order: OrderRow | undefined): Promise<number | null> {
  if (!order) return null;
  const [row] = await db
    .select({ score: fraudSignals.score })
    .from(fraudSignals)
    .where(and(eq(fraudSignals.teamId, teamId), eq(fraudSignals.orderId, order.orderId)))
    .orderBy(desc(fraudSignals.scoredAt))
    .limit(1);
  return Math.max(0, Math.min(100, row?.score ?? 0));
}

async function buyerDisputes(db: Database, teamId: string, row: DisputeRow): Promise<number> {
  if (!row.buyerKey) return 0;
  const [r] = await db
    .select({ n: count() })
    .from(disputes)
    .where(and(eq(disputes.teamId, teamId), eq(disputes.buyerKey, row.buyerKey), ne(disputes.id, row.id)));
  return r?.n ?? 0;
}

/**
 * Whether a chargeback followed the alert: this row moved on to the chargeback stage, or another dispute
 * at that stage is on the same payment (a Stripe early fraud warning and the dispute on its charge) or on
 * the same matched order (an Ethoca alert and the processor's chargeback).
 */
async function chargebackFollowed(db: Database, teamId: string, row: DisputeRow): Promise<boolean> {
  if (row.stage === 'chargeback' || row.stage === 'pre_arbitration') return true;
  const samePayment = row.paymentRef ? eq(disputes.paymentRef, row.paymentRef) : undefined;
  const sameOrder = row.orderMatch !== 'unmatched' ? eq(disputes.orderId, row.orderId) : undefined;
  if (!samePayment && !sameOrder) return false;
  const [hit] = await db
    .select({ id: disputes.id })
    .from(disputes)
    .where(and(eq(disputes.teamId, teamId), ne(disputes.id, row.id), inArray(disputes.stage, ['chargeback', 'pre_arbitration']), or(samePayment, sameOrder)))
    .limit(1);
  return hit !== undefined;
}

/** Whether this dispute is, or began as, an alert (the decision outlives the stage change to chargeback). */
export function isAlertRow(row: DisputeRow): boolean {
  return row.stage === 'alert' || typeof row.details[DECISION_KEYS.action] === 'string';
}

export async function alertViewOf(
  db: Database,
  teamId: string,
  row: DisputeRow,
  order: OrderRow | undefined,
  context: PageContext | undefined,
): Promise<AlertView> {
  const buyerKey = row.buyerKey ?? order?.buyerKey ?? null;
  const [fraudScore, buyerOrders, disputed, followed] = await readTogether(db, [
    () => lastScore(db, teamId, order),
    () => (buyerKey ? countEarlierBuyerOrders(db, teamId, buyerKey, row.orderId, row.filedAt) : Promise.resolve(0)),
    () => buyerDisputes(db, teamId, row),
    () => chargebackFollowed(db, teamId, row),
  ] as const);
  const kind = alertKindOf(row.source, row.reasonText);
  const shipped = isShipped(context);
  const facts = { fraudScore, shipped, buyerOrders, buyerDisputes: disputed };
  const action = row.details[DECISION_KEYS.action];
  const decidedAt = row.details[DECISION_KEYS.at];
  return {
    kind,
    recommendation: recommendAlert({ amount: { amountMinor: row.amountMinor, currency: row.currency }, kind, ...facts }),
    facts,
    decision:
      typeof action === 'string' && typeof decidedAt === 'string'
        ? {
            action: action as AlertAction,
            providerOutcome: typeof row.details[DECISION_KEYS.outcome] === 'string' ? (row.details[DECISION_KEYS.outcome] as string) : null,
            decidedAt,
            becameChargeback: followed,
          }
        : null,
  };
}

const ACTION_WORDS: Record<AlertAction, string> = {
  refund: 'refunded to prevent the chargeback',
  stop_fulfilment: 'shipment stopped and order cancelled',
  decline: 'let go (the team will defend a chargeback if one follows)',
};

/**
 * Records the team's answer to an alert. Refunding or stopping the shipment closes it (status refunded);
 * letting it go marks it answered (responded) and it stays in the queue until a chargeback follows or its
 * window ends. A second decision on the same alert is a 409: the first one has been reported already.
 */
export async function decideAlert(
  db: Database,
  caller: Caller,
  id: string,
  body: AlertDecisionBody,
  facts: (row: DisputeRow) => Promise<{ context: PageContext | undefined }>,
  record: (tx: Database, row: DisputeRow, text: string, data: Record<string, unknown>) => Promise<void>,
  now: Date,
): Promise<DisputeRow> {
  const teamId = caller.team.id;
  const row = await getDispute(db, teamId, id);
  if (!row) throw new HttpError('not_found', 'Dispute not found.');
  if (row.stage !== 'alert') {
    throw new HttpError(
      'conflict',
      `params.id: this dispute is ${row.stage ? `at the ${row.stage.replace('_', '-')} stage` : 'a marketplace claim'}, not an alert; record its outcome with the dispute's status instead.`,
      'params.id',
    );
  }
  if (typeof row.details[DECISION_KEYS.action] === 'string') {
    throw new HttpError(
      'conflict',
      `params.id: this alert was already answered (${String(row.details[DECISION_KEYS.action])}) at ${String(row.details[DECISION_KEYS.at])}.`,
      'params.id',
    );
  }
  const { context } = await facts(row);
  const kind = alertKindOf(row.source, row.reasonText);
  const outcome = providerOutcome(row.source, kind, body.action, { shipped: isShipped(context), alreadyRefunded: row.status === 'refunded' });
  const status = body.action === 'decline' ? 'responded' : 'refunded';
  await db.transaction(async (tx) => {
    // Claimed in one statement: of two agents answering the same alert at once, one wins and the other gets 409.
    const claimed = await tx
      .update(disputes)
      .set({
        status,
        outcomeNote: body.note ?? null,
        respondedAt: now,
        decidedAt: status === 'refunded' ? now : null,
        updatedAt: now,
        details: sql`${disputes.details} || ${JSON.stringify({ [DECISION_KEYS.action]: body.action, [DECISION_KEYS.at]: now.toISOString(), ...(outcome ? { [DECISION_KEYS.outcome]: outcome } : {}) })}::jsonb`,
      })
      .where(
        and(eq(disputes.teamId, teamId), eq(disputes.id, row.id), eq(disputes.stage, 'alert'), sql`(${disputes.details} ->> ${DECISION_KEYS.action}) is null`),
      )
      .returning({ id: disputes.id });
    if (claimed.length === 0) throw new HttpError('conflict', 'params.id: this alert was answered by someone else a moment ago; reload it.', 'params.id');
    const provider = outcome ? `; report ${outcome} to ${row.source === 'ethoca' ? 'Ethoca' : 'Verifi'}` : '';
    const text = `Alert ${row.externalId}: ${ACTION_WORDS[body.action]}${provider}${body.note ? ` (${body.note.slice(0, 300)})` : ''}`;
    await record(tx, row, text, { status, alertAction: body.action, ...(outcome ? { providerOutcome: outcome } : {}) });
  });
  return (await getDispute(db, teamId, id))!;
}
