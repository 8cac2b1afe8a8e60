import { describe, expect, it, vi } from 'vitest';
import { defencePdf, saveEvidence, submitDefence, toBase64 } from './disputes';

const CREDS = { backendUrl: 'http://127.0.0.1:8787', token: 'secret-token' };
const ID = '3f1c2b9a-8d7e-4c6b-a5f4-e3d2c1b0a987';

function fakeFetch(response: Response) {
  return vi.fn<typeof fetch>(async () => response);
}

describe('dispute requests in the worker', () => {
  it('fetches the defence PDF with the token and hands back only its bytes', async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0xff, 0x00, 0x10]);
    const fetchImpl = fakeFetch(new Response(bytes, { status: 200, headers: { 'content-type': 'application/pdf' } }));
    const res = await defencePdf({ type: 'dispute:defencePdf', disputeId: ID }, CREDS, fetchImpl);
    expect(res).toEqual({ ok: true, status: 200, data: { base64: Buffer.from(bytes).toString('base64'), size: 8 } });
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe(`http://127.0.0.1:8787/v1/disputes/${ID}/defence.pdf`);
    expect((init!.headers as Record<string, string>)['Authorization']).toBe('Bearer secret-token');
    expect(JSON.stringify(res)).not.toContain('secret-token');
  });

  it("passes the backend's error on as data, and refuses an answer of the wrong type", async () => {
    const notFound = fakeFetch(
      new Response(JSON.stringify({ error: { code: 'not_found', message: 'Dispute was not found.' } }), {
        status: 404,
        headers: { 'content-type': 'application/json' },
      }),
    );
    expect(await defencePdf({ type: 'dispute:defencePdf', disputeId: ID }, CREDS, notFound)).toEqual({
      ok: false,
      status: 404,
      error: { code: 'not_found', message: 'Dispute was not found.' },
    });
    const html = fakeFetch(new Response('<html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    expect(await defencePdf({ type: 'dispute:defencePdf', disputeId: ID }, CREDS, html)).toMatchObject({ ok: false, error: { code: 'bad_response' } });
    const offline = vi.fn<typeof fetch>(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await defencePdf({ type: 'dispute:defencePdf', disputeId: ID }, CREDS, offline)).toMatchObject({ ok: false, error: { code: 'offline' } });
  });

  it('sends evidence as a value or as not applicable', async () => {
    const fetchImpl = fakeFetch(new Response('{}', { status: 400, headers: { 'content-type': 'application/json' } }));
    await saveEvidence({ type: 'dispute:evidence', disputeId: ID, key: 'tracking_number', notApplicable: true }, CREDS, fetchImpl);
    await saveEvidence({ type: 'dispute:evidence', disputeId: ID, key: 'tracking_number', value: '1Z' }, CREDS, fetchImpl);
    expect(fetchImpl.mock.calls.map(([url, init]) => [url, init!.method, init!.body])).toEqual([
      [`http://127.0.0.1:8787/v1/disputes/${ID}/evidence/tracking_number`, 'PUT', '{"notApplicable":true}'],
      [`http://127.0.0.1:8787/v1/disputes/${ID}/evidence/tracking_number`, 'PUT', '{"value":"1Z"}'],
    ]);
  });

  it('encodes large files in chunks', () => {
    const big = new Uint8Array(200_000).map((_, i) => i % 256);
    expect(toBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });

  it('sends a submission with its idempotency key in the header and the body, and passes the 409 on as data', async () => {
    const answer = {
      processor: 'stripe',
      final: false,
      sentAt: '2026-12-03T09:00:00.000Z',
      sent: [],
      processorAnswer: 'Stripe answered: dispute dp_1 is needs_response.',
    };
    const fetchImpl = fakeFetch(new Response(JSON.stringify(answer), { status: 201, headers: { 'content-type': 'application/json' } }));
    const body = { idempotencyKey: 'sub_0123456789abcdef', final: false };
    const res = await submitDefence({ type: 'dispute:submit', disputeId: ID, body }, CREDS, fetchImpl);
    expect(res).toMatchObject({ ok: true, data: answer });
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe(`${CREDS.backendUrl}/v1/disputes/${ID}/submit`);
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>)['Idempotency-Key']).toBe(body.idempotencyKey);
    expect(JSON.parse(init?.body as string)).toEqual(body);

    const off = fakeFetch(
      new Response(JSON.stringify({ error: { code: 'conflict', message: 'no Stripe API key is stored', field: 'processor.apiKey' } }), {
        status: 409,
        headers: { 'content-type': 'application/json' },
      }),
    );
    expect(await submitDefence({ type: 'dispute:submit', disputeId: ID, body }, CREDS, off)).toMatchObject({
      ok: false,
      error: { message: 'no Stripe API key is stored' },
    });
  });
});
