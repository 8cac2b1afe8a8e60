import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../tests/helpers/csv';
import { FraudReport, ReportTables, ServiceReport, type ServiceRow } from '../../utils/schemas/reports';
import { buildApp } from '../app';
import { createAgent } from '../repositories/agents';
import { writeHistoryCase, type HistoryCase } from '../services/reports-history';
import { testDatabases } from '../../tests/server/databases';
import { auth, createTestTeam, newOrderId, type TestTeam } from '../../tests/server/harness';

/**
 * Reports on small hand-made teams whose answers are worked out in the comments. Percentiles are
 * PostgreSQL's percentile_cont: p at position p·(n-1) of the sorted values, interpolated linearly.
 */

const at = (iso: string) => new Date(iso);
const plus = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000);
const WEEK = 'from=2025-11-03&to=2025-11-09';
const TEMPLATE_ID = '6f1c1a52-0000-4000-8000-000000000001';

function row(rows: ServiceRow[], key: string): ServiceRow {
  const found = rows.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${key} in ${rows.map((r) => r.key).join(', ')}`);
  return found;
}

describe.each(testDatabases())('reports on $kind', (target) => {
  let app: FastifyInstance;
  let svc: TestTeam; // service history
  let fr: TestTeam; // fraud history
  let empty: TestTeam;
  let svcB: string;
  let frB: string;

  beforeAll(async () => {
    const { db } = await target.open();
    app = await buildApp({ db });
    svc = await createTestTeam(app.db, 'Service');
    fr = await createTestTeam(app.db, 'Fraud');
    empty = await createTestTeam(app.db, 'Empty');
    svcB = (await createAgent(app.db, svc.teamId, { name: 'Bo Second', role: 'agent' })).id;
    frB = (await createAgent(app.db, fr.teamId, { name: 'Bea Second', role: 'agent' })).id;
    const A = svc.agent.id;
    const c = (kind: HistoryCase['kind'], marketplace: string, openedAt: string, events: HistoryCase['events']): HistoryCase => {
      const orderId = newOrderId();
      return { kind, portal: 'amazon', marketplace, ref: kind === 'order' ? orderId : `${kind}-${orderId}`, orderId, openedAt: at(openedAt), events };
    };
    const tpl = (agentId: string, when: Date) => ({ type: 'template_inserted' as const, agentId, at: when, templateId: TEMPLATE_ID, title: 'Shipping update' });
    const resolved = (when: Date) => ({ type: 'status' as const, agentId: A, at: when, status: 'resolved' as const });
    const service: HistoryCase[] = [
      // c1 DE message: answered by A after 10 min, resolved after 2 h.
      c('message', 'DE', '2025-11-03T08:00:00Z', [
        { type: 'note', agentId: A, at: plus('2025-11-03T08:00:00Z', 10) },
        resolved(plus('2025-11-03T08:00:00Z', 120)),
      ]),
      // c2 DE message: template by A after 30 min, a release at 10:00, resolved after 4 h.
      c('message', 'DE', '2025-11-03T09:00:00Z', [
        tpl(A, plus('2025-11-03T09:00:00Z', 30)),
        { type: 'decision', agentId: A, at: at('2025-11-03T10:00:00Z'), decision: 'release' },
        resolved(plus('2025-11-03T09:00:00Z', 240)),
      ]),
      // c3 DE claim: answered by B after 50 min, resolved after 10 h.
      c('claim', 'DE', '2025-11-04T10:00:00Z', [
        { type: 'note', agentId: svcB, at: plus('2025-11-04T10:00:00Z', 50) },
        resolved(plus('2025-11-04T10:00:00Z', 600)),
      ]),
      // c4 DE message: answered by B after 26 h (a 24 h breach), still open.
      c('message', 'DE', '2025-11-05T12:00:00Z', [{ type: 'note', agentId: svcB, at: plus('2025-11-05T12:00:00Z', 1560) }]),
      // c5 FR return: A after 20 min, template at +60, B writes again at +120, resolved after 6 h.
      c('return', 'FR', '2025-11-06T07:00:00Z', [
        { type: 'note', agentId: A, at: plus('2025-11-06T07:00:00Z', 20) },
        tpl(A, plus('2025-11-06T07:00:00Z', 60)),
        { type: 'note', agentId: svcB, at: plus('2025-11-06T07:00:00Z', 120) },
        resolved(plus('2025-11-06T07:00:00Z', 360)),
      ]),
      // c6 FR message: never answered.
      c('message', 'FR', '2025-11-07T07:00:00Z', []),
      // Outside the week.
      c('message', 'DE', '2025-10-20T07:00:00Z', [{ type: 'note', agentId: A, at: plus('2025-10-20T07:00:00Z', 5) }]),
    ];
    for (const spec of service) await writeHistoryCase(app.db, svc.teamId, spec);

    const FA = fr.agent.id;
    const order = (marketplace: string, openedAt: string, events: HistoryCase['events'], fired: { indicator: string; points: number }[]): HistoryCase => ({
      ...c('order', marketplace, openedAt, events),
      fired: fired as HistoryCase['fired'],
      score: fired.reduce((n, f) => n + f.points, 0),
    });
    const d = (agentId: string, when: string, decision: 'hold' | 'release' | 'fraud') => ({ type: 'decision' as const, agentId, at: at(when), decision });
    const fraud: HistoryCase[] = [
      // o1 DE: held by A, released 4 h later.
      order(
        'DE',
        '2025-11-03T10:00:00Z',
        [d(FA, '2025-11-03T10:30:00Z', 'hold'), d(FA, '2025-11-03T14:30:00Z', 'release')],
        [
          { indicator: 'velocity_address', points: 30 },
          { indicator: 'odd_hour', points: 10 },
        ],
      ),
      // o2 DE: held by B, marked fraud by the lead 6 h later.
      order(
        'DE',
        '2025-11-04T10:00:00Z',
        [d(frB, '2025-11-04T10:30:00Z', 'hold'), d(fr.lead.id, '2025-11-04T16:30:00Z', 'fraud')],
        [
          { indicator: 'velocity_address', points: 30 },
          { indicator: 'forwarder_address', points: 40 },
        ],
      ),
      // o3 FR: held by A, still held.
      order('FR', '2025-11-05T09:00:00Z', [d(FA, '2025-11-05T09:15:00Z', 'hold')], [{ indicator: 'velocity_address', points: 30 }]),
      // o4 DE: released by A without a hold.
      order('DE', '2025-11-05T11:00:00Z', [d(FA, '2025-11-05T11:30:00Z', 'release')], [{ indicator: 'odd_hour', points: 10 }]),
      // o5 DE: seen, nothing decided.
      order('DE', '2025-11-06T08:00:00Z', [], []),
      // o6 before the week.
      order('DE', '2025-10-01T08:00:00Z', [d(FA, '2025-10-01T09:00:00Z', 'hold')], [{ indicator: 'po_box', points: 20 }]),
    ];
    for (const spec of fraud) await writeHistoryCase(app.db, fr.teamId, spec);
  });
  afterAll(async () => {
    await app?.close();
    await target.dispose();
  });

  const get = (token: string, url: string) => app.inject({ method: 'GET', url, headers: auth(token) });

  it('computes first response and resolution per marketplace (median, p90)', async () => {
    const res = await get(svc.leadToken, `/v1/reports/service?${WEEK}`);
    expect(res.statusCode).toBe(200);
    const report = ServiceReport.parse(res.json());
    expect(report.scope).toEqual({ from: '2025-11-03', to: '2025-11-09', marketplace: null, agentId: null, view: 'team' });
    // DE: first responses 10, 30, 50, 1560 min -> median 40, p90 at 2.7: 50 + 0.7 * 1510 = 1107.
    // Resolutions 2, 4, 10 h -> median 4, p90 at 1.8: 4 + 0.8 * 6 = 8.8.
    const de = row(report.byMarketplace, 'DE');
    expect(de).toMatchObject({ cases: 4, responded: 4, resolved: 3 });
    expect(de.firstResponseMinutes.median).toBeCloseTo(40, 6);
    expect(de.firstResponseMinutes.p90).toBeCloseTo(1107, 6);
    expect(de.resolutionHours.median).toBeCloseTo(4, 6);
    expect(de.resolutionHours.p90).toBeCloseTo(8.8, 6);
    // FR: c5 answered after 20 min and resolved after 6 h; c6 unanswered.
    const frRow = row(report.byMarketplace, 'FR');
    expect(frRow).toMatchObject({ cases: 2, responded: 1, resolved: 1, firstResponseMinutes: { median: 20, p90: 20 } });
    expect(frRow.resolutionHours.median).toBeCloseTo(6, 6);
  });

  it('computes the same per agent who answered first', async () => {
    const report = ServiceReport.parse((await get(svc.leadToken, `/v1/reports/service?${WEEK}`)).json());
    // A: 10, 20, 30 min -> median 20, p90 28; resolutions 2, 4, 6 h -> median 4, p90 5.6.
    const a = row(report.byAgent, svc.agent.id);
    expect(a).toMatchObject({ label: 'Service Agent', cases: 3, responded: 3, resolved: 3 });
    expect(a.firstResponseMinutes.median).toBeCloseTo(20, 6);
    expect(a.firstResponseMinutes.p90).toBeCloseTo(28, 6);
    expect(a.resolutionHours.p90).toBeCloseTo(5.6, 6);
    // B: 50 and 1560 min -> median 805, p90 at 0.9: 50 + 0.9 * 1510 = 1409.
    const b = row(report.byAgent, svcB);
    expect(b.firstResponseMinutes.median).toBeCloseTo(805, 6);
    expect(b.firstResponseMinutes.p90).toBeCloseTo(1409, 6);
    expect(row(report.byAgent, '')).toMatchObject({ cases: 1, responded: 0, resolved: 0, firstResponseMinutes: { median: null, p90: null } });
  });

  it('counts SLA attainment, cases by kind and template use with what followed', async () => {
    const report = ServiceReport.parse((await get(svc.leadToken, `/v1/reports/service?${WEEK}`)).json());
    // Buyer messages (24 h): c1, c2 met; c4 answered after 26 h and c6 never: both breached.
    expect(report.sla.find((s) => s.policy === 'amazon_buyer_message')).toMatchObject({ cases: 4, met: 2, breached: 2, pending: 0, attainment: 0.5 });
    expect(report.sla.find((s) => s.policy === 'amazon_atoz_info_request')).toMatchObject({ cases: 1, met: 1, breached: 0, attainment: 1 });
    expect(report.sla.find((s) => s.policy === 'amazon_return_authorization')).toMatchObject({ cases: 1, met: 1 });
    expect(report.casesByKind).toEqual([
      { kind: 'message', opened: 4, resolved: 2, stillOpen: 2 },
      { kind: 'claim', opened: 1, resolved: 1, stillOpen: 0 },
      { kind: 'return', opened: 1, resolved: 1, stillOpen: 0 },
    ]);
    // Two uses: c2 (a decision followed, resolved 3.5 h later) and c5 (B wrote again, resolved 5 h later).
    expect(report.templates).toEqual([
      {
        templateId: TEMPLATE_ID,
        title: 'Shipping update',
        uses: 2,
        cases: 2,
        resolvedAfter: 2,
        decisionAfter: 1,
        followUpAfter: 1,
        medianHoursToResolution: 4.25,
      },
    ]);
  });

  it('counts a running clock as pending, not breached', async () => {
    const openedAt = new Date(Date.now() - 60 * 60_000);
    await writeHistoryCase(app.db, empty.teamId, {
      kind: 'message',
      portal: 'amazon',
      marketplace: 'DE',
      ref: `m-${newOrderId()}`,
      orderId: newOrderId(),
      openedAt,
      events: [],
    });
    const today = new Date().toISOString().slice(0, 10);
    const report = ServiceReport.parse((await get(empty.leadToken, `/v1/reports/service?to=${today}`)).json());
    expect(report.sla).toEqual([{ policy: 'amazon_buyer_message', label: 'Buyer message reply', cases: 1, met: 0, breached: 0, pending: 1, attainment: null }]);
  });

  it('filters by marketplace and by agent', async () => {
    const fr_ = ServiceReport.parse((await get(svc.leadToken, `/v1/reports/service?${WEEK}&marketplace=FR`)).json());
    expect(fr_.byMarketplace.map((r) => r.key)).toEqual(['FR']);
    const byB = ServiceReport.parse((await get(svc.leadToken, `/v1/reports/service?${WEEK}&agentId=${svcB}`)).json());
    expect(byB.byAgent.map((r) => r.key)).toEqual([svcB]);
    expect(row(byB.byMarketplace, 'DE').cases).toBe(2);
  });

  it("shows an agent only their own numbers and refuses anyone else's", async () => {
    const own = ServiceReport.parse((await get(svc.agentToken, `/v1/reports/service?${WEEK}`)).json());
    expect(own.scope).toMatchObject({ view: 'self', agentId: svc.agent.id });
    expect(own.byAgent.map((r) => r.key)).toEqual([svc.agent.id]);
    expect(row(own.byMarketplace, 'DE').cases).toBe(2);
    expect(row(own.byMarketplace, 'FR').cases).toBe(1);
    const other = await get(svc.agentToken, `/v1/reports/service?${WEEK}&agentId=${svcB}`);
    expect(other.statusCode).toBe(403);
    const filters = (await get(svc.agentToken, '/v1/reports/filters')).json();
    expect(filters).toEqual({ view: 'self', agents: [{ id: svc.agent.id, name: 'Service Agent' }], marketplaces: ['DE', 'FR'] });
  });

  it('computes decisions over time, top indicators, hold and release rates and how held orders ended', async () => {
    const res = await get(fr.leadToken, `/v1/reports/fraud?${WEEK}`);
    expect(res.statusCode).toBe(200);
    const report = FraudReport.parse(res.json());
    expect(report.overTime).toEqual([
      { day: '2025-11-03', hold: 1, release: 1, fraud: 0 },
      { day: '2025-11-04', hold: 1, release: 0, fraud: 1 },
      { day: '2025-11-05', hold: 1, release: 1, fraud: 0 },
      { day: '2025-11-06', hold: 0, release: 0, fraud: 0 },
      { day: '2025-11-07', hold: 0, release: 0, fraud: 0 },
      { day: '2025-11-08', hold: 0, release: 0, fraud: 0 },
      { day: '2025-11-09', hold: 0, release: 0, fraud: 0 },
    ]);
    expect(report.indicators).toEqual([
      { indicator: 'velocity_address', orders: 3, averagePoints: 30 },
      { indicator: 'odd_hour', orders: 2, averagePoints: 10 },
      { indicator: 'forwarder_address', orders: 1, averagePoints: 40 },
    ]);
    expect(report.rates).toEqual({ ordersSeen: 5, held: 3, holdRate: 0.6, released: 1, releaseRate: 1 / 3, fraud: 1, fraudRate: 1 / 3 });
    expect(report.heldOutcomes).toEqual([
      { outcome: 'released', orders: 1, medianHoursToOutcome: 4 },
      { outcome: 'fraud', orders: 1, medianHoursToOutcome: 6 },
      { outcome: 'still_held', orders: 1, medianHoursToOutcome: null },
    ]);
  });

  it('narrows the fraud report to a marketplace and to an agent', async () => {
    const frOnly = FraudReport.parse((await get(fr.leadToken, `/v1/reports/fraud?${WEEK}&marketplace=FR`)).json());
    expect(frOnly.overTime.filter((d) => d.hold + d.release + d.fraud > 0)).toEqual([{ day: '2025-11-05', hold: 1, release: 0, fraud: 0 }]);
    expect(frOnly.rates).toMatchObject({ ordersSeen: 1, held: 1, released: 0 });
    // Agent A: decided o1 (hold, release), o3 (hold), o4 (release); worked on 3 orders.
    const own = FraudReport.parse((await get(fr.agentToken, `/v1/reports/fraud?${WEEK}`)).json());
    expect(own.rates).toMatchObject({ ordersSeen: 3, held: 2, released: 1, fraud: 0 });
    expect(own.indicators).toEqual([
      { indicator: 'odd_hour', orders: 2, averagePoints: 10 },
      { indicator: 'velocity_address', orders: 2, averagePoints: 30 },
    ]);
  });

  it('keeps teams apart', async () => {
    const service = ServiceReport.parse((await get(fr.leadToken, `/v1/reports/service?${WEEK}`)).json());
    expect(service.byMarketplace.reduce((n, r) => n + r.cases, 0)).toBe(5); // fraud team's own order cases only
    expect(service.templates).toEqual([]);
    const fraud = FraudReport.parse((await get(svc.leadToken, `/v1/reports/fraud?${WEEK}`)).json());
    expect(fraud.indicators).toEqual([]);
    expect(fraud.rates.held).toBe(0);
    // A lead may not name another team's agent.
    const res = await get(svc.leadToken, `/v1/reports/service?${WEEK}&agentId=${fr.agent.id}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('query.agentId');
  });

  it('validates the filters with clear messages', async () => {
    const cases: [string, string][] = [
      ['from=2025-11-09&to=2025-11-03', 'querystring.from: from must not be after to'],
      ['from=2025-02-30', 'querystring.from: 2025-02-30 is not a calendar date'],
      ['from=yesterday', 'querystring.from: use a date like 2025-11-03'],
      ['from=2024-01-01&to=2025-11-03', 'querystring.from: a report covers at most 366 days'],
      ['marketplace=<b>', 'querystring.marketplace'],
      ['agentId=42', 'querystring.agentId: agentId must be an agent id'],
      ['colour=red', 'querystring'],
    ];
    for (const [query, message] of cases) {
      const res = await get(svc.leadToken, `/v1/reports/service?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.message, query).toContain(message);
    }
    expect((await app.inject({ method: 'GET', url: `/v1/reports/service?${WEEK}` })).statusCode).toBe(401);
  });

  it('serves each table as CSV equal to the table model', async () => {
    const tables = ReportTables.parse((await get(fr.leadToken, `/v1/reports/tables?section=fraud&${WEEK}`)).json());
    const outcomes = tables.tables.find((t) => t.name === 'held-outcomes')!;
    expect(outcomes.rows).toEqual([
      ['Released', '1', '4'],
      ['Fraud', '1', '6'],
      ['Still held', '1', ''],
    ]);
    const res = await get(fr.leadToken, `/v1/reports/csv?section=fraud&table=held-outcomes&${WEEK}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe('attachment; filename="caseside-held-outcomes-2025-11-03-2025-11-09.csv"');
    expect(parseCsv(res.body)).toEqual([outcomes.columns.map((c) => c.label), ...outcomes.rows]);
    expect((await get(fr.leadToken, `/v1/reports/csv?section=fraud&table=nope&${WEEK}`)).statusCode).toBe(404);
  });

  it('serves the reports page without data and under a strict CSP', async () => {
    const res = await app.inject({ method: 'GET', url: '/reports' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain("connect-src 'self'");
    // No inline script (the texts are a JSON data block) and nothing loaded from elsewhere.
    const scripts = [...res.body.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!.trim());
    expect(scripts).toEqual(['id="page-messages" type="application/json"', 'src="/web/reports.js" defer']);
    expect([...res.body.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1])).toEqual(['/favicon.ico', '/web/reports.js']);
    expect(res.body).not.toMatch(/https?:\/\//);
    expect(res.body).not.toContain('innerHTML');
  });
});
