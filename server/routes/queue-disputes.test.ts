import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DisputeList } from '../../utils/api-routes/disputes';
import { DisputeImportAnswer } from '../../utils/api-routes/processors';
import { PanelData } from '../../utils/schemas/api';
import { QueueList } from '../../utils/schemas/admin';
import { testDatabases } from '../../tests/server/databases';
import { closeTestApp, openTestApp } from '../../tests/server/app';
import { auth, newOrderId, orderPage, postPanel, type TestTeam } from '../../tests/server/harness';

/** The popup's queue and the order's panel carry the card disputes and alerts no portal page runs a clock for. */
const ALERT_HEADER = 'alert_id,provider,alert_type,created_at,amount,currency,order_id,card_network,respond_by,outcome';
const HOUR = 3_600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

describe.each(testDatabases())('disputes in the queue on $kind', (target) => {
  let app: FastifyInstance;
  let a: TestTeam;
  let b: TestTeam;

  beforeAll(async () => {
    ({
      app,
      teams: [a, b],
    } = await openTestApp(target, 'Alpha', 'Beta'));
  });
  afterAll(() => closeTestApp(app, target));

  const importAlerts = async (team: TestTeam, lines: string[]) => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/disputes/import?dryRun=false',
      headers: { ...auth(team.leadToken), 'content-type': 'text/csv' },
      payload: [ALERT_HEADER, ...lines].join('\n'),
    });
    expect(res.statusCode, res.body).toBe(200);
    return DisputeImportAnswer.parse(res.json());
  };
  const queue = async (token: string) => {
    const res = await app.inject({ method: 'GET', url: '/v1/queue?limit=200', headers: auth(token) });
    expect(res.statusCode, res.body).toBe(200);
    return QueueList.parse(res.json()).items;
  };
  const disputeId = async (externalId: string) =>
    DisputeList.parse((await app.inject({ method: 'GET', url: '/v1/disputes', headers: auth(a.agentToken) })).json()).disputes.find(
      (d) => d.externalId === externalId,
    )!.id;

  it('ranks an alert closing soon before a case with more time, with its buyer, order, stage and provider', async () => {
    const orderId = newOrderId('305');
    expect((await postPanel(app, a.agentToken, orderPage({ orderId, buyer: { name: 'Jana Nováková' } }))).statusCode).toBe(200);
    // A buyer message received 2 h ago: 22 h left on the reply clock.
    const threadId = `q-${Math.random().toString(36).slice(2)}`;
    const message = PanelData.parse(
      (
        await postPanel(
          app,
          a.agentToken,
          orderPage({
            orderId: newOrderId(),
            pageKind: 'message',
            url: `https://sellercentral.amazon.de/messaging/thread/${threadId}`,
            message: { threadId, receivedAt: iso(-2 * HOUR) },
          }),
        )
      ).json(),
    ).case!;
    await importAlerts(a, [`E-Q1,ethoca,CUSTOMERDISPUTE,${iso(-HOUR)},59.90,EUR,${orderId},visa,${iso(3 * HOUR)},`]);

    const items = await queue(a.agentToken);
    const alert = items.find((i) => i.dispute?.id !== undefined && i.case.orderId === orderId)!;
    expect(alert).toBeDefined();
    expect(alert.dispute).toMatchObject({
      source: 'ethoca',
      stage: 'alert',
      network: 'visa',
      amount: { amountMinor: 5990, currency: 'EUR' },
      unmatched: false,
    });
    expect(alert.buyerName).toBe('Jana Nováková');
    expect(alert.url).toBeNull();
    expect(alert.sla).toMatchObject({ caseKind: 'card_dispute', label: 'Pre-dispute alert · Ethoca', deadline: expect.any(String) });
    expect(Date.parse(alert.sla.deadline)).toBeGreaterThan(Date.now() + 2.5 * HOUR);
    expect(alert.state).toBe('ok');
    const ids = items.map((i) => i.dispute?.id ?? i.case.id);
    expect(ids.indexOf(alert.dispute!.id)).toBeLessThan(ids.indexOf(message.id));
    // Least time left first, all the way down.
    const deadlines = items.map((i) => (i.sla.paused ? Infinity : Date.parse(i.sla.deadline)));
    expect(deadlines.filter((d) => d !== Infinity)).toEqual([...deadlines.filter((d) => d !== Infinity)].sort((x, y) => x - y));
  });

  it('shows an overdue alert as breached, an unmatched one by its reference, and drops an answered one', async () => {
    await importAlerts(a, [
      `E-Q2,ethoca,FRAUD,${iso(-30 * HOUR)},12.00,EUR,,mastercard,${iso(-6 * HOUR)},`,
      `E-Q3,verifi,FRAUD,${iso(-HOUR)},20.00,USD,${newOrderId('306')},visa,${iso(40 * HOUR)},`,
    ]);
    let items = await queue(a.agentToken);
    const overdue = items.find((i) => i.title.includes('E-Q2'))!;
    expect(overdue).toMatchObject({ state: 'breached', remainingMs: 0, dispute: { unmatched: true, source: 'ethoca' } });
    expect(items.indexOf(overdue)).toBe(items.findIndex((i) => i.state === 'breached'));

    const answered = await disputeId('E-Q3');
    expect(items.some((i) => i.dispute?.id === answered)).toBe(true);
    const res = await app.inject({
      method: 'POST',
      url: `/v1/disputes/${answered}/alert-decision`,
      headers: auth(a.agentToken),
      payload: { action: 'refund' },
    });
    expect(res.statusCode, res.body).toBe(200);
    items = await queue(a.agentToken);
    expect(items.some((i) => i.dispute?.id === answered)).toBe(false);
  });

  it("never shows one team's disputes to another, and keeps the limit", async () => {
    const theirs = await queue(b.agentToken);
    expect(theirs.filter((i) => i.dispute)).toEqual([]);
    await importAlerts(b, [`E-B1,ethoca,FRAUD,${iso(-HOUR)},5.00,EUR,${newOrderId('307')},visa,${iso(HOUR)},`]);
    const mine = await queue(a.agentToken);
    expect(mine.some((i) => i.title.includes('E-B1'))).toBe(false);
    expect((await queue(b.agentToken)).filter((i) => i.dispute).map((i) => i.title)).toEqual([expect.stringContaining('E-B1')]);
    const one = QueueList.parse((await app.inject({ method: 'GET', url: '/v1/queue?limit=1', headers: auth(a.agentToken) })).json());
    expect(one.items).toHaveLength(1);
  });

  it("lists the order's disputes and alerts in its panel, those waiting first, with an alert's answer, and no other team's", async () => {
    const orderId = newOrderId('308');
    const panel = async (token: string) => {
      const res = await postPanel(app, token, orderPage({ orderId }));
      expect(res.statusCode, res.body).toBe(200);
      return PanelData.parse(res.json());
    };
    expect((await panel(a.agentToken)).disputes).toEqual([]);
    await importAlerts(a, [
      `E-P1,ethoca,CUSTOMERDISPUTE,${iso(-2 * HOUR)},30.00,EUR,${orderId},visa,${iso(20 * HOUR)},`,
      `E-P2,verifi,FRAUD,${iso(-HOUR)},30.00,EUR,${orderId},visa,${iso(5 * HOUR)},`,
    ]);
    await importAlerts(b, [`E-P3,ethoca,FRAUD,${iso(-HOUR)},30.00,EUR,${orderId},visa,${iso(HOUR)},`]);
    const answered = await disputeId('E-P2');
    const res = await app.inject({
      method: 'POST',
      url: `/v1/disputes/${answered}/alert-decision`,
      headers: auth(a.agentToken),
      payload: { action: 'refund' },
    });
    expect(res.statusCode, res.body).toBe(200);

    const { disputes } = await panel(a.agentToken);
    expect(disputes.map((d) => d.externalId)).toEqual(['E-P1', 'E-P2']);
    expect(disputes[0]).toMatchObject({ source: 'ethoca', stage: 'alert', status: 'open', alertAnswer: null, amount: { amountMinor: 3000, currency: 'EUR' } });
    expect(disputes[1]).toMatchObject({ source: 'verifi', status: 'refunded', alertAnswer: 'refund', providerOutcome: expect.any(String) });
    expect((await panel(b.agentToken)).disputes.map((d) => d.externalId)).toEqual(['E-P3']);
  });
});
