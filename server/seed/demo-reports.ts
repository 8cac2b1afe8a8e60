import type { FraudIndicatorId } from '../../utils/schemas/fraud';
import type { Database } from '../db/open';
import { listReportAgents } from '../repositories/reports-filters';
import { hasDemoHistory } from '../repositories/reports-history';
import { listUsableTemplates } from '../repositories/templates';
import { writeHistoryCase, type HistoryCase, type HistoryEvent } from '../services/reports-history';
import { mulberry32 } from './prng';

/**
 * Three weeks of the demo team's past work, so the reports have something to show: buyer messages,
 * claims, returns and chargebacks answered (some late) and resolved, templates inserted, orders scored,
 * held, released and flagged. Generated from a fixed pseudo-random sequence ending at the first seed
 * run; written once (cases with HIST- references mark it), so running the seed again changes nothing.
 */

const DAYS = 21;
const CASES_PER_DAY = 9;
const ORDERS_PER_DAY = 5;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const MARKETS = [
  { portal: 'amazon', marketplace: 'DE' },
  { portal: 'amazon', marketplace: 'DE' },
  { portal: 'amazon', marketplace: 'FR' },
  { portal: 'amazon', marketplace: 'US' },
  { portal: 'zalando', marketplace: 'ZALANDO-DE' },
] as const;
const KINDS = ['message', 'message', 'message', 'claim', 'return', 'chargeback'] as const;
const INDICATORS: { indicator: FraudIndicatorId; points: number; weight: number }[] = [
  { indicator: 'velocity_address', points: 30, weight: 0.35 },
  { indicator: 'odd_hour', points: 10, weight: 0.3 },
  { indicator: 'new_buyer_high_value', points: 20, weight: 0.25 },
  { indicator: 'expedited_shipping', points: 10, weight: 0.2 },
  { indicator: 'forwarder_address', points: 40, weight: 0.1 },
  { indicator: 'prior_claims', points: 25, weight: 0.08 },
];

export async function seedDemoReports(db: Database, teamId: string, now = new Date()): Promise<void> {
  if (await hasDemoHistory(db, teamId)) return;
  const agents = await listReportAgents(db, teamId);
  if (agents.length === 0) return;
  const templates = await listUsableTemplates(db, teamId, agents[0]!.id);
  const rnd = mulberry32(9_012_025);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const end = now.getTime() - HOUR;
  const start = end - DAYS * 24 * HOUR;
  let n = 0;

  for (let day = 0; day < DAYS; day++) {
    for (let i = 0; i < CASES_PER_DAY; i++) {
      const openedAt = start + day * 24 * HOUR + rnd() * 24 * HOUR;
      const market = pick(MARKETS);
      const kind = market.portal === 'zalando' ? 'message' : pick(KINDS);
      const orderId = market.portal === 'zalando' ? `1010${String(500000 + n).padStart(8, '0')}` : `302-9${String(n).padStart(6, '0')}-${String(4242000 + n)}`;
      const agent = pick(agents);
      const events: HistoryEvent[] = [];
      // Most answers within hours; one in ten only after a day (an SLA breach on a 24 h clock).
      const late = rnd() < 0.1;
      const firstAt = openedAt + (late ? 25 * HOUR + rnd() * 20 * HOUR : 5 * MINUTE + rnd() * 6 * HOUR);
      if (firstAt < end) {
        const useTemplate = templates.length > 0 && kind === 'message' && rnd() < 0.5;
        if (useTemplate) {
          const tpl = pick(templates);
          events.push({ type: 'template_inserted', agentId: agent.id, at: new Date(firstAt), templateId: tpl.id, title: tpl.title });
        } else events.push({ type: 'note', agentId: agent.id, at: new Date(firstAt), text: 'Checked the order and answered the buyer.' });
        if (rnd() < 0.2) events.push({ type: 'note', agentId: pick(agents).id, at: new Date(firstAt + rnd() * 8 * HOUR), text: 'Buyer replied; followed up.' });
        const resolvedAt = firstAt + 30 * MINUTE + rnd() * 40 * HOUR;
        if (rnd() < 0.8 && resolvedAt < end) events.push({ type: 'status', agentId: agent.id, at: new Date(resolvedAt), status: 'resolved' });
      }
      await writeHistoryCase(db, teamId, {
        kind,
        portal: market.portal,
        marketplace: market.marketplace,
        ref: `HIST-${kind.toUpperCase()}-${n}`,
        orderId,
        openedAt: new Date(openedAt),
        events,
      });
      n++;
    }
    for (let i = 0; i < ORDERS_PER_DAY; i++) {
      await writeHistoryCase(db, teamId, demoOrder(rnd, pick, agents, start + day * 24 * HOUR + rnd() * 24 * HOUR, end, n));
      n++;
    }
  }
}

/** An order seen, scored and maybe held: then released, flagged as fraud, or still held. */
function demoOrder(rnd: () => number, pick: <T>(list: readonly T[]) => T, agents: { id: string }[], openedAt: number, end: number, n: number): HistoryCase {
  const market = pick(MARKETS.filter((m) => m.portal === 'amazon'));
  const orderId = `302-8${String(n).padStart(6, '0')}-${String(4242000 + n)}`;
  const fired = INDICATORS.filter((i) => rnd() < i.weight).map(({ indicator, points }) => ({ indicator, points }));
  const score = Math.min(
    100,
    fired.reduce((s, f) => s + f.points, 0),
  );
  const events: HistoryEvent[] = [];
  const agent = pick(agents);
  const decideAt = openedAt + 10 * MINUTE + rnd() * 3 * HOUR;
  if (decideAt < end) {
    if (score >= 40 && rnd() < 0.8) {
      events.push({ type: 'decision', agentId: agent.id, at: new Date(decideAt), decision: 'hold', score });
      const endedAt = decideAt + HOUR + rnd() * 30 * HOUR;
      const r = rnd();
      if (endedAt < end && r < 0.6) events.push({ type: 'decision', agentId: pick(agents).id, at: new Date(endedAt), decision: 'release', score });
      else if (endedAt < end && r < 0.85) events.push({ type: 'decision', agentId: pick(agents).id, at: new Date(endedAt), decision: 'fraud', score });
    } else if (rnd() < 0.3) events.push({ type: 'decision', agentId: agent.id, at: new Date(decideAt), decision: 'release', score });
  }
  return { kind: 'order', portal: 'amazon', marketplace: market.marketplace, ref: orderId, orderId, openedAt: new Date(openedAt), events, fired, score };
}
