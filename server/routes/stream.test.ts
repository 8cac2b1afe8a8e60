import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveEvent } from '../../utils/schemas/api';
import { buildApp } from '../app';
import { testDatabases } from '../../tests/server/databases';
import { createTestTeam, idempotencyKey, newOrderId, type TestTeam } from '../../tests/server/harness';

/** Reads an SSE response until `done` says so (or the timeout), collecting raw chunks and parsed events. */
async function readStream(response: Response, done: (events: LiveEvent[], raw: string) => boolean, timeoutMs = 5000) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let raw = '';
  const events: LiveEvent[] = [];
  const deadline = setTimeout(() => void reader.cancel(), timeoutMs);
  try {
    while (!done(events, raw)) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      raw += decoder.decode(value, { stream: true });
      events.length = 0;
      for (const block of raw.split('\n\n')) {
        const data = block
          .split('\n')
          .filter((l) => l.startsWith('data: '))
          .map((l) => l.slice(6))
          .join('\n');
        if (data) events.push(LiveEvent.parse(JSON.parse(data)));
      }
    }
  } finally {
    clearTimeout(deadline);
    await reader.cancel().catch(() => {});
  }
  return { events, raw };
}

const urlOf = (app: FastifyInstance) => `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

describe.each(testDatabases())('live event stream across instances on $kind', (target) => {
  let instanceA: FastifyInstance;
  let instanceB: FastifyInstance;
  let alpha: TestTeam;
  let beta: TestTeam;

  beforeAll(async () => {
    // On PostgreSQL each instance gets its own connections, as two servers would.
    const first = await target.open();
    const second = target.kind === 'postgres' ? await target.open() : first;
    instanceA = await buildApp({ db: first.db });
    instanceB = await buildApp({ db: second.db, heartbeatMs: 100 });
    await instanceA.listen({ port: 0, host: '127.0.0.1' });
    await instanceB.listen({ port: 0, host: '127.0.0.1' });
    alpha = await createTestTeam(instanceA.db, 'Alpha');
    beta = await createTestTeam(instanceA.db, 'Beta');
  });
  afterAll(async () => {
    await instanceA?.close();
    await instanceB?.close();
    await target.dispose();
  });

  const openStream = async (token: string) => {
    const response = await fetch(`${urlOf(instanceB)}/v1/stream`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    return response;
  };
  const writeNote = (token: string, orderId: string, text: string) =>
    fetch(`${urlOf(instanceA)}/v1/notes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ orderId, text, idempotencyKey: idempotencyKey() }),
    });

  it('delivers a note written through instance A to a stream on instance B, for that team only', async () => {
    const betaStream = await openStream(beta.agentToken);
    const alphaStream = await openStream(alpha.agentToken);
    await waitFor(() => instanceB.live.subscriberCount(alpha.teamId) === 1 && instanceB.live.subscriberCount(beta.teamId) === 1);

    const alphaOrder = newOrderId();
    expect((await writeNote(alpha.agentToken, alphaOrder, 'Alpha only')).status).toBe(201);
    const betaOrder = newOrderId();
    expect((await writeNote(beta.agentToken, betaOrder, 'Beta only')).status).toBe(201);

    const seenByAlpha = await readStream(alphaStream, (events) => events.some((e) => e.event.type === 'note'));
    const note = seenByAlpha.events.find((e) => e.event.type === 'note')!;
    expect(note).toMatchObject({ type: 'case-event', orderId: alphaOrder, event: { text: 'Alpha only', agentId: alpha.agent.id } });

    const seenByBeta = await readStream(betaStream, (events) => events.some((e) => e.event.type === 'note'));
    expect(seenByBeta.events.map((e) => e.orderId)).not.toContain(alphaOrder);
    expect(seenByBeta.events.find((e) => e.event.type === 'note')?.event.text).toBe('Beta only');
  });

  it('requires a token and sends heartbeats', async () => {
    const anonymous = await fetch(`${urlOf(instanceB)}/v1/stream`);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('unauthorized');

    const stream = await openStream(alpha.agentToken);
    const { raw } = await readStream(stream, (_events, text) => text.includes(': heartbeat'), 3000);
    expect(raw).toContain(': heartbeat\n\n');
  });

  it('stops pushing to a stream once the client goes away', async () => {
    const stream = await openStream(beta.leadToken);
    await waitFor(() => instanceB.live.subscriberCount(beta.teamId) >= 1);
    await stream.body!.cancel();
    await waitFor(() => instanceB.live.subscriberCount(beta.teamId) === 0);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
