import { z } from 'zod';
import type { PersonalField, ReceiverHandoff, ReceiverOrder } from '../../utils/schemas/handoffs';
import type { Database } from '../db/open';
import { allowedFieldsOf, orderSnapshotOf, orderSnapshotsOf, type HandoffJoined } from '../repositories/handoffs';

/**
 * What a receiving team sees of an order: an allow-list cut from the stored snapshot (order id, items,
 * carrier and tracking, dates), plus only the personal fields the lead allowed that team. Built field by
 * field, never by removing fields from the snapshot, so a field the portals add later stays out.
 */

const text = z.string().max(2000).catch('');
const optionalText = z.string().max(2000).optional().catch(undefined);
const instant = z.iso
  .datetime({ offset: true })
  .transform((s) => new Date(s).toISOString())
  .optional()
  .catch(undefined);

/** The parts of a stored snapshot the view reads; anything malformed reads as absent. */
const StoredSnapshot = z.looseObject({
  items: z
    .array(
      z.looseObject({
        title: optionalText,
        sku: optionalText,
        asin: optionalText,
        articleId: optionalText,
        quantity: z.number().int().optional().catch(undefined),
      }),
    )
    .max(200)
    .catch([]),
  shippingService: optionalText,
  trackingNumber: optionalText,
  purchasedAt: instant,
  shipBy: instant,
  deliverBy: instant,
  buyer: z.looseObject({ name: optionalText, email: optionalText }).optional().catch(undefined),
  shipTo: z
    .looseObject({
      name: optionalText,
      lines: z.array(text).max(20).catch([]),
      postalCode: optionalText,
      city: optionalText,
      region: optionalText,
      country: optionalText,
      phone: optionalText,
    })
    .optional()
    .catch(undefined),
});

export interface StoredOrder {
  portal: string;
  marketplace: string | null;
  buyerName: string | null;
  snapshot: Record<string, unknown>;
  purchasedAt: Date | null;
}

export function receiverOrderOf(orderId: string, stored: StoredOrder | undefined, allowed: readonly PersonalField[]): ReceiverOrder {
  const snap = StoredSnapshot.safeParse(stored?.snapshot ?? {}).data ?? StoredSnapshot.parse({});
  const view: ReceiverOrder = {
    orderId,
    portal: stored?.portal ?? 'unknown',
    marketplace: stored?.marketplace ?? null,
    items: (snap.items ?? []).map((item) => ({
      title: item.title ?? '',
      sku: item.sku ?? item.asin ?? item.articleId ?? null,
      quantity: item.quantity ?? null,
    })),
    carrier: snap.shippingService ?? null,
    trackingNumber: snap.trackingNumber ?? null,
    purchasedAt: snap.purchasedAt ?? stored?.purchasedAt?.toISOString() ?? null,
    shipBy: snap.shipBy ?? null,
    deliverBy: snap.deliverBy ?? null,
  };
  const allow = new Set(allowed);
  const name = stored?.buyerName ?? snap.buyer?.name;
  if (allow.has('buyerName') && name) view.buyerName = name;
  if (allow.has('buyerEmail') && snap.buyer?.email) view.buyerEmail = snap.buyer.email;
  if (allow.has('buyerPhone') && snap.shipTo?.phone) view.buyerPhone = snap.shipTo.phone;
  if (allow.has('shipTo') && snap.shipTo) {
    const to = snap.shipTo;
    const cityLine = [to.postalCode, to.city, to.region].filter(Boolean).join(' ');
    view.shipTo = [to.name, ...to.lines, cityLine, to.country].filter((line): line is string => typeof line === 'string' && line.trim() !== '');
  }
  return view;
}

/** A hand-off as its receiving team sees it. */
export async function receiverViewOf(db: Database, teamId: string, found: HandoffJoined, allowed: readonly PersonalField[]): Promise<ReceiverHandoff> {
  return receiverViewFrom(found, await orderSnapshotOf(db, teamId, found.row.orderId), allowed);
}

/**
 * The hand-offs to the caller's teams as they see them: the orders and the teams' allowed fields read in
 * one statement each, whatever the number of hand-offs.
 */
export async function receiverViewsOf(db: Database, teamId: string, found: readonly HandoffJoined[]): Promise<ReceiverHandoff[]> {
  const stored = await orderSnapshotsOf(
    db,
    teamId,
    found.map((f) => f.row.orderId),
  );
  const allowed = await allowedFieldsOf(db, teamId, [...new Set(found.map((f) => f.row.handoffTeamId))]);
  return found.map((f) => receiverViewFrom(f, stored.get(f.row.orderId), allowed.get(f.row.handoffTeamId) ?? []));
}

function receiverViewFrom(found: HandoffJoined, stored: StoredOrder | undefined, allowed: readonly PersonalField[]): ReceiverHandoff {
  const r = found.row;
  const showEvidence = allowed.includes('fraudEvidence');
  return {
    id: r.id,
    teamName: found.teamName,
    teamKind: found.teamKind,
    question: r.question,
    dueAt: r.dueAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    status: r.answeredAt ? 'answered' : 'open',
    answer: r.answer,
    decision: r.decision,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    order: receiverOrderOf(r.orderId, stored, allowed),
    escalation: r.escalation
      ? {
          score: r.escalation.score,
          indicators: r.escalation.indicators.map((i) => ({
            indicator: i.indicator,
            label: i.label,
            points: i.points,
            ...(showEvidence ? { evidence: i.evidence } : {}),
          })),
        }
      : null,
  };
}

/** The q-quantile (0..1) of sorted values, by the nearest-rank method; null for none. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export interface HandoffTime {
  team: string;
  minutes: number | null;
  dueAt: Date;
  answeredAt: Date | null;
}

/**
 * Hand-offs by team: how many, how many answered, the median and p90 minutes to answer, and how many are
 * overdue (answered after their due time, or still open past it at `now`). Teams sorted by name.
 */
export function handoffReportRows(times: readonly HandoffTime[], now: Date) {
  const byTeam = new Map<string, HandoffTime[]>();
  for (const t of times) byTeam.set(t.team, [...(byTeam.get(t.team) ?? []), t]);
  return [...byTeam.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([team, list]) => {
      const minutes = list.flatMap((t) => (t.minutes === null ? [] : [t.minutes])).sort((a, b) => a - b);
      const overdue = list.filter((t) => (t.answeredAt ?? now).getTime() > t.dueAt.getTime()).length;
      return { team, count: list.length, answered: minutes.length, medianMinutes: quantile(minutes, 0.5), p90Minutes: quantile(minutes, 0.9), overdue };
    });
}
